import mysql from 'mysql2';

export interface DatabaseHost {
  host: string;
  port: number;
}

/**
 * `mysql://user:pass@host1:3306,host2:3306/db`: several nodes of a cluster, in
 * order of preference. Returns the URL with the first host only (what a URL
 * parser and TypeORM accept) and every host.
 */
export function splitHosts(url: string): { url: string; hosts: DatabaseHost[] } {
  const match = /^(mysql|mariadb):\/\/([^@/]*@)?([^/?]+)(.*)$/.exec(url);
  if (!match) return { url, hosts: [] };
  const [, scheme, credentials = '', hostList, rest] = match;
  const hosts = hostList!.split(',').map((entry) => {
    const [host, port] = entry.split(':');
    return { host: host!, port: Number(port || 3306) };
  });
  return { url: `${scheme}://${credentials}${hostList!.split(',')[0]}${rest}`, hosts };
}

/** How long a node that refused a connection is left out before it is tried again. */
const NODE_RETRY_AFTER_MS = 5000;

/**
 * mysql2 for TypeORM with a pool over several hosts: connections go to the
 * first host that accepts them; a host that refuses is left out for
 * NODE_RETRY_AFTER_MS (mysql2's PoolCluster, ORDER selector). This fails over
 * when a node is down, not when it is up but not ready (a joining Galera
 * node): that answers 503 until it is synced, and a proxy with a cluster-aware
 * health check (MaxScale, HAProxy) routes around it instead.
 */
export function failoverDriver(hosts: DatabaseHost[]) {
  return {
    ...mysql,
    /** What TypeORM's MySQL driver uses of a pool: getConnection and end. */
    createPool(config: mysql.PoolOptions) {
      const cluster = mysql.createPoolCluster({ canRetry: true, removeNodeErrorCount: 1, restoreNodeTimeout: NODE_RETRY_AFTER_MS, defaultSelector: 'ORDER' });
      hosts.forEach((h, i) => cluster.add(`node${i}`, { ...config, host: h.host, port: h.port }));
      return {
        getConnection: (callback: (error: NodeJS.ErrnoException | null, connection: mysql.PoolConnection) => void) => cluster.getConnection('*', 'ORDER', callback),
        end: (callback?: (error: NodeJS.ErrnoException | null) => void) => cluster.end(callback),
      };
    },
  };
}
