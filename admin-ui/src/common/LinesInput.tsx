import { TextInput, type TextInputProps } from 'react-admin';

const linesToText = (items: string[] | undefined) => (Array.isArray(items) ? items.join('\n') : '');
const textToLines = (text: string) => (text ? text.split('\n') : []);

/** A list of strings typed one per line (pieces of personal data, never their values). */
export const LinesInput = (props: TextInputProps) => <TextInput format={linesToText} parse={textToLines} multiline minRows={2} fullWidth {...props} />;

/** The lines as sent: trimmed, blank ones left out. */
export const cleanLines = (lines: string[] | undefined) => (lines ?? []).map((s) => s.trim()).filter(Boolean);
