import { createReadStream, createWriteStream } from "node:fs";
import { createGunzip, createGzip } from "node:zlib";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type pg from "pg";

/** Header line of a backup file. */
interface BackupHeader {
  format: "po-network-backup";
  formatVersion: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: string[];
}

/** Tables a fresh database already fills with reference data (replaced on restore). */
const REFERENCE_TABLES = new Set(["calendar_days"]);

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Public tables in an order where every referenced table comes before the tables that reference it. */
async function tablesInDependencyOrder(pool: pg.Pool | pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const { rows: deps } = await pool.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((t) => t.name);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent, path);
    seen.add(t);
    order.push(t);
  };
  for (const t of names) visit(t, new Set());
  return order;
}

/** For a table with a foreign key to itself, an ORDER BY that lists parents before children. */
async function selfReferenceOrder(pool: pg.Pool | pg.PoolClient, table: string): Promise<string | null> {
  const { rows } = await pool.query<{ col: string; ref: string }>(
    `select a.attname as col, r.attname as ref
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
      where c.contype = 'f' and c.conrelid = $1::regclass and c.confrelid = $1::regclass`,
    [`public.${quote(table)}`],
  );
  const fk = rows[0];
  if (!fk) return null;
  return fk.col + "|" + fk.ref;
}

/**
 * Writes a logical backup (gzip'd JSON lines: a header, then one line per row) of every public table.
 * The same code path serves PGlite and PostgreSQL; it runs in one repeatable-read snapshot, and every
 * query goes through the one client (with PGlite, a second connection would wait for this transaction).
 */
export async function backupDatabase(
  pool: pg.Pool,
  engine: string,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(JSON.stringify(obj) + "\n")) await once(gzip, "drain");
  };
  let rows = 0;
  const done = { tables: 0 };
  try {
    await client.query("begin isolation level repeatable read read only");
    const tables = await tablesInDependencyOrder(client);
    done.tables = tables.length;
    const { rows: migrations } = await client.query<{ hash: string }>(
      "select hash from drizzle.__drizzle_migrations order by id",
    );
    const header: BackupHeader = {
      format: "po-network-backup",
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      engine,
      migrations: migrations.map((m) => m.hash),
      tables,
    };
    await write(header);
    for (const table of tables) {
      const self = await selfReferenceOrder(client, table);
      let query = `select * from ${quote(table)}`;
      if (self) {
        const [col, ref] = self.split("|") as [string, string];
        // Depth-first order so that parents are restored before their children.
        query = `with recursive tree as (
            select t.*, 0 as _depth from ${quote(table)} t where ${quote(col)} is null
            union all
            select c.*, tree._depth + 1 from ${quote(table)} c join tree on c.${quote(col)} = tree.${quote(ref)}
          ) select * from tree order by _depth`;
      }
      const result = await client.query(query);
      for (const row of result.rows as Array<Record<string, unknown>>) {
        delete row._depth;
        await write({ t: table, r: row });
        rows++;
      }
    }
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
    gzip.end();
    await once(out, "close");
  }
  return { tables: done.tables, rows };
}

/**
 * Restores a backup into a freshly migrated, empty database, in one transaction: it either loads
 * completely or leaves the database as it was.
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<{ rows: number }> {
  const client = await pool.connect();
  let rows = 0;
  let header: BackupHeader | null = null;
  try {
    await client.query("begin");
    const { rows: migrations } = await client.query<{ hash: string }>(
      "select hash from drizzle.__drizzle_migrations order by id",
    );
    const columnsCache = new Map<string, Map<string, string>>();
    // Created right before reading: lines emitted before iteration starts would be lost.
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line) as { t: string; r: Record<string, unknown> } | BackupHeader;
      if (!header) {
        if ((obj as BackupHeader).format !== "po-network-backup")
          throw new Error("not a PO Network backup file");
        header = obj as BackupHeader;
        const known = new Set(migrations.map((m) => m.hash));
        const unknown = header.migrations.filter((h) => !known.has(h));
        if (unknown.length) {
          throw new Error("the backup comes from a newer version of PO Network; upgrade before restoring");
        }
        for (const t of header.tables) {
          // Reference data loaded at migration (the shipped calendar) is replaced by the backup's copy.
          if (REFERENCE_TABLES.has(t)) {
            await client.query(`delete from ${quote(t)}`);
            continue;
          }
          const { rows: n } = await client.query<{ n: number }>(`select count(*)::int as n from ${quote(t)}`);
          if ((n[0]?.n ?? 0) > 0) {
            throw new Error(`the database is not empty (table ${t} has rows); restore into a new database`);
          }
        }
        continue;
      }
      const { t, r } = obj as { t: string; r: Record<string, unknown> };
      if (!columnsCache.has(t)) {
        const { rows: cols } = await client.query<{ name: string; type: string }>(
          `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
            where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
          [`public.${quote(t)}`],
        );
        columnsCache.set(t, new Map(cols.map((c) => [c.name, c.type])));
      }
      const cols = columnsCache.get(t)!;
      const names = Object.keys(r).filter((k) => cols.has(k));
      const values = names.map((k) => {
        const v = r[k];
        const type = cols.get(k)!;
        // json/jsonb values are passed as JSON text; arrays stay arrays.
        if ((type === "jsonb" || type === "json") && v !== null) return JSON.stringify(v);
        return v;
      });
      await client.query(
        `insert into ${quote(t)} (${names.map(quote).join(", ")}) values (${names
          .map((k, i) => `$${i + 1}::${cols.get(k)}`)
          .join(", ")})`,
        values,
      );
      rows++;
    }
    if (!header) throw new Error("empty backup file");
    // Serial columns continue after the restored ids.
    const { rows: seqs } = await client.query<{ tbl: string; col: string; seq: string }>(
      `select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind = 'r'
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
    );
    for (const s of seqs) {
      await client.query(
        `select setval($1, coalesce((select max(${quote(s.col)}) from ${quote(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { rows };
}
