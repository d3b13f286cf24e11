import fs from 'fs';
import { parse } from 'yaml';

/** A datasource instance as Grafana stores it; secureJsonData never leaves the server. */
export interface StoredDataSource {
  uid: string;
  name: string;
  type: string;
  url: string;
  access: 'proxy' | 'direct';
  isDefault: boolean;
  basicAuth: boolean;
  basicAuthUser: string;
  /** Top-level `user` and `database` (SQL datasources; newer Grafana keeps the database in jsonData). */
  user: string;
  database: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

interface ProvisionedDataSource {
  uid?: string;
  name?: string;
  type?: string;
  url?: string;
  access?: 'proxy' | 'direct';
  isDefault?: boolean;
  basicAuth?: boolean;
  basicAuthUser?: string;
  user?: string;
  database?: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

/** Grafana provisioning expands $VAR and ${VAR} from the environment. */
function expandEnv(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, braced: string, bare: string) => env[braced ?? bare] ?? '');
}

/** Reads datasources from a Grafana provisioning file (apiVersion 1, `datasources:` list). */
export function loadProvisionedDataSources(file: string, env: NodeJS.ProcessEnv = process.env): StoredDataSource[] {
  const doc = parse(expandEnv(fs.readFileSync(file, 'utf8'), env)) as { datasources?: ProvisionedDataSource[] };
  if (!doc || !Array.isArray(doc.datasources)) {
    throw new Error(`${file}: expected a "datasources" list`);
  }
  return doc.datasources.map((ds, i) => {
    if (!ds.uid || !ds.name || !ds.type) {
      throw new Error(`${file}: datasource #${i + 1} needs uid, name and type`);
    }
    return {
      uid: ds.uid,
      name: ds.name,
      type: ds.type,
      url: ds.url ?? '',
      access: ds.access ?? 'proxy',
      isDefault: Boolean(ds.isDefault),
      basicAuth: Boolean(ds.basicAuth),
      basicAuthUser: ds.basicAuthUser ?? '',
      user: ds.user ?? '',
      database: ds.database ?? '',
      jsonData: ds.jsonData ?? {},
      secureJsonData: Object.fromEntries(
        Object.entries(ds.secureJsonData ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')
      ),
    };
  });
}

/** What the browser sees: secure values are replaced by `secureJsonFields` flags, as in Grafana's API. */
export function toBrowserSettings(ds: StoredDataSource, id: number) {
  const { secureJsonData, ...rest } = ds;
  return {
    ...rest,
    id,
    orgId: 1,
    readOnly: false,
    withCredentials: false,
    typeLogoUrl: `public/plugins/${ds.type}/img/logo.svg`,
    secureJsonFields: Object.fromEntries(Object.keys(secureJsonData).map((k) => [k, true])),
  };
}

export interface DataSourceUpdate {
  name?: string;
  url?: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  jsonData?: Record<string, unknown>;
  /** New secure values; an empty string resets the field, a missing key keeps it (Grafana semantics). */
  secureJsonData?: Record<string, string>;
}

export class DataSourceStore {
  private readonly byUid = new Map<string, StoredDataSource>();

  constructor(instances: StoredDataSource[]) {
    for (const ds of instances) {
      this.byUid.set(ds.uid, ds);
    }
  }

  list(): StoredDataSource[] {
    return [...this.byUid.values()];
  }

  get(uid: string): StoredDataSource | undefined {
    return this.byUid.get(uid);
  }

  update(uid: string, update: DataSourceUpdate): StoredDataSource | undefined {
    const ds = this.byUid.get(uid);
    if (!ds) {
      return undefined;
    }
    const secure = { ...ds.secureJsonData };
    for (const [key, value] of Object.entries(update.secureJsonData ?? {})) {
      if (value === '') {
        delete secure[key];
      } else if (typeof value === 'string') {
        secure[key] = value;
      }
    }
    const next: StoredDataSource = {
      ...ds,
      name: update.name ?? ds.name,
      url: update.url ?? ds.url,
      basicAuth: update.basicAuth ?? ds.basicAuth,
      basicAuthUser: update.basicAuthUser ?? ds.basicAuthUser,
      jsonData: update.jsonData ?? ds.jsonData,
      secureJsonData: secure,
    };
    this.byUid.set(uid, next);
    return next;
  }
}
