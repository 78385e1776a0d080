import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { MamoriAppBar } from './AppBar';
import { MainMenu } from './Menu';
import { PageLanguage } from './PageLanguage';
import { ProgressLabel } from './ProgressLabel';

export const MamoriLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={MamoriAppBar} menu={MainMenu}>
    <PageLanguage />
    <ProgressLabel />
    {children}
  </Layout>
);
