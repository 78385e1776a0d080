import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { MamoriAppBar } from './AppBar';
import { MainMenu } from './Menu';

export const MamoriLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={MamoriAppBar} menu={MainMenu}>
    {children}
  </Layout>
);
