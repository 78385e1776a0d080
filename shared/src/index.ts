export * from './roles';
export * from './personal-data';
export * from './enums';
export * from './data-items';
export * from './organisation';
export * from './ledger';
export * from './ledger-labels';
export * from './calendar';
