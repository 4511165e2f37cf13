import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "../config/index.ts";
import { openRuntime, runDueJobs, type Runtime } from "../runtime.ts";
import { FixedClock, systemClock } from "../platform/clock/index.ts";
import { backupDatabase, restoreDatabase } from "../platform/db/backup.ts";
import { migrateDatabase } from "../platform/db/migrate.ts";
import { createApiToken } from "../modules/auth/index.ts";
import {
  createPerson,
  findPersonByEmail,
  seedDirectory,
  systemActor,
  updatePersonAdmin,
} from "../modules/directory/index.ts";
import { exportDirectoryCsv, importDirectoryCsv } from "../modules/directory/index.ts";
import { importCalendar } from "../modules/calendar/index.ts";
import { importPetitions } from "../modules/petitions/index.ts";
import { importTranscriptFiles } from "../modules/transcripts/index.ts";
import { importTranscriptLinks, seedDemoTranscripts } from "../modules/transcripts/index.ts";
import { seedDemoCivic } from "../demo-civic.ts";
import { scheduleNetworkMeeting } from "../modules/meetings/index.ts";

const HELP = `po-network — command line of PO Network

Usage: po-network <command> [options]

  serve                               start the web server (same as npm start)
  migrate                             apply pending database migrations
  seed                                load the demo directory (and demo transcripts) into an empty database
  admin create --email E --name N     create (or promote) an administrator
  token create --email E [--name N]   print a new personal access token for that person
  directory export [--out FILE]       write the directory (agencies, units, people, roles) as CSV
  directory import FILE               create or update directory rows from CSV (idempotent)
  backup --out FILE                   write a logical backup (gzip'd JSON lines)
  restore FILE                        load a backup into an empty database
  jobs run-due [--now ISO]            run every due sweep once (--now sets the clock for this run)
  calendar import FILE.csv            import the official office calendar (政府行政機關辦公日曆表)
  meetings schedule --month YYYY-MM [--kind monthly|quarterly]
                                      schedule the month's meeting on its default day (first Monday;
                                      last week of Mar/Jun/Sep/Dec); does nothing if already scheduled
  import transcripts PATH…            import transcript files and folders (*.md, Akoma Ntoso *.xml); idempotent
  import petitions FILE               import petitions from CSV or JSON; idempotent on external id, all or nothing
                                      then alternates.tsv / redirects.tsv named or found in a folder named
  export transcripts DIR [--format markdown|akomantoso]
                                      write every published transcript into DIR as <slug>.md or <slug>.xml

Configuration comes from the environment (DATA_DIR, DATABASE_URL, …); see README.md.
When a server is running on the same DATA_DIR, the CLI reaches its database through its socket.`;

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    out.write(HELP + "\n");
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(e.message + "\n");
      return 2;
    }
    throw e;
  }
  if (command === "serve") {
    const { startServer } = await import("../main.ts");
    await startServer();
    return -1; // keeps running
  }
  const open = (opts: { seed?: boolean; now?: string } = {}) =>
    openRuntime(config, {
      attachToRunning: true,
      seed: opts.seed ?? false,
      clock: opts.now ? new FixedClock(new Date(opts.now)) : systemClock,
    });
  const withRuntime = async (
    fn: (rt: Runtime) => Promise<number>,
    opts?: { seed?: boolean; now?: string },
  ) => {
    const rt = await open(opts);
    try {
      return await fn(rt);
    } finally {
      await rt.close();
    }
  };

  switch (command) {
    case "migrate":
      return withRuntime(async (rt) => {
        const { applied } = await migrateDatabase(rt.database);
        out.write(`migrations up to date (${rt.database.engine})${applied ? `, applied ${applied}` : ""}\n`);
        return 0;
      });
    case "seed":
      return withRuntime(async (rt) => {
        const r = await seedDirectory({ db: rt.database.db, clock: rt.clock }, { demo: true });
        out.write(
          r.skipped
            ? "directory not empty; nothing seeded\n"
            : `seeded ${r.orgs} agencies and units, ${r.people} people\n`,
        );
        if (r.skipped) return 0;
        const d = await seedDemoTranscripts({ db: rt.database.db, clock: rt.clock });
        out.write(`seeded ${d.transcripts.transcripts.created} demo transcripts\n`);
        const civic = await seedDemoCivic({
          db: rt.database.db,
          clock: rt.clock,
          publicUrl: rt.config.publicUrl,
          secret: rt.config.sessionSecret,
        });
        out.write(
          `seeded ${civic.petitions} demo petitions, ${civic.meetings} monthly meeting, ${civic.cases} case, ${civic.commitments} commitment\n`,
        );
        return d.transcripts.skipped.length || d.links.skipped.length ? 1 : 0;
      });
    case "admin": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" }, name: { type: "string" } },
      });
      if (sub !== "create") return usage(err, "admin create --email E --name N");
      if (!values.email || !values.name) return usage(err, "admin create --email E --name N");
      return withRuntime(async (rt) => {
        const deps = { db: rt.database.db, clock: rt.clock };
        const existing = await findPersonByEmail(rt.database.db, values.email!);
        if (existing) {
          await updatePersonAdmin(deps, systemActor, existing.id, true);
          out.write(`${existing.email} is now an administrator (${existing.id})\n`);
        } else {
          const p = await createPerson(deps, systemActor, {
            email: values.email!,
            name: values.name!,
            isAdmin: true,
          });
          out.write(`created administrator ${p.email} (${p.id})\n`);
        }
        return 0;
      });
    }
    case "token": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" }, name: { type: "string" } },
      });
      if (sub !== "create" || !values.email) return usage(err, "token create --email E [--name N]");
      return withRuntime(async (rt) => {
        const person = await findPersonByEmail(rt.database.db, values.email!);
        if (!person) {
          err.write(`no person with e-mail ${values.email}\n`);
          return 1;
        }
        const t = await createApiToken(
          { db: rt.database.db, clock: rt.clock, publicUrl: config.publicUrl, secret: config.sessionSecret },
          systemActor,
          person.id,
          values.name ?? "cli",
        );
        out.write(t.token + "\n");
        return 0;
      });
    }
    case "directory": {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { out: { type: "string" } },
        allowPositionals: true,
      });
      if (sub === "export") {
        return withRuntime(async (rt) => {
          const csv = await exportDirectoryCsv({ db: rt.database.db, clock: rt.clock });
          if (values.out) {
            const { writeFileSync } = await import("node:fs");
            writeFileSync(values.out, csv);
            err.write(`wrote ${values.out}\n`);
          } else out.write(csv);
          return 0;
        });
      }
      if (sub === "import" && positionals[0]) {
        const file = positionals[0];
        if (!existsSync(file)) {
          err.write(`no such file: ${file}\n`);
          return 1;
        }
        return withRuntime(async (rt) => {
          const { readFileSync } = await import("node:fs");
          const r = await importDirectoryCsv(
            { db: rt.database.db, clock: rt.clock },
            systemActor,
            readFileSync(file, "utf8"),
          );
          if (r.errors.length) {
            for (const e of r.errors) err.write(`${file}:${e.line}: ${e.field}: ${e.message}\n`);
            err.write(`nothing imported: ${r.errors.length} problem(s)\n`);
            return 1;
          }
          out.write(`imported: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged\n`);
          return 0;
        });
      }
      return usage(err, "directory export [--out FILE] | directory import FILE");
    }
    case "backup": {
      const { values } = parseArgs({
        args: [sub ?? "", ...rest].filter(Boolean),
        options: { out: { type: "string" } },
      });
      if (!values.out) return usage(err, "backup --out FILE");
      return withRuntime(async (rt) => {
        const r = await backupDatabase(rt.database.pool, rt.database.engine, values.out!);
        out.write(`backup written to ${values.out}: ${r.tables} tables, ${r.rows} rows\n`);
        return 0;
      });
    }
    case "restore": {
      if (!sub || !existsSync(sub)) return usage(err, "restore FILE (an existing backup file)");
      return withRuntime(async (rt) => {
        const r = await restoreDatabase(rt.database.pool, sub);
        out.write(`restored ${r.rows} rows from ${sub}\n`);
        return 0;
      });
    }
    case "jobs": {
      const { values } = parseArgs({ args: rest, options: { now: { type: "string" } } });
      if (sub !== "run-due") return usage(err, "jobs run-due [--now ISO]");
      if (values.now && Number.isNaN(Date.parse(values.now))) {
        err.write(`--now: not an ISO date-time: ${values.now}\n`);
        return 2;
      }
      return withRuntime(
        async (rt) => {
          const r = await runDueJobs(rt);
          out.write(JSON.stringify(r) + "\n");
          return 0;
        },
        { now: values.now },
      );
    }
    case "meetings": {
      const { values } = parseArgs({
        args: rest,
        options: { month: { type: "string" }, kind: { type: "string", default: "monthly" } },
      });
      const use = "meetings schedule --month YYYY-MM [--kind monthly|quarterly]";
      if (sub !== "schedule" || !values.month) return usage(err, use);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) {
        err.write(`--month: not a month YYYY-MM: ${values.month}\n`);
        return 2;
      }
      if (values.kind !== "monthly" && values.kind !== "quarterly") {
        err.write(`--kind: must be monthly or quarterly: ${values.kind}\n`);
        return 2;
      }
      const kind = values.kind;
      return withRuntime(async (rt) => {
        const deps = {
          db: rt.database.db,
          clock: rt.clock,
          publicUrl: rt.config.publicUrl,
          secret: rt.config.sessionSecret,
        };
        try {
          const r = await scheduleNetworkMeeting(deps, systemActor, { kind, month: values.month! });
          out.write(
            `${r.created ? "scheduled" : "already scheduled"}: ${r.meeting.kind} meeting on ${r.meeting.date} ` +
              `(${r.meeting.id}), ${r.meeting.candidates.length} candidates carried over\n`,
          );
          return 0;
        } catch (e) {
          if (e instanceof Error && "code" in e && e.code === "invalid_input") {
            err.write(`${e.message}\n`);
            return 2;
          }
          throw e;
        }
      });
    }
    case "calendar": {
      if (sub !== "import" || !rest[0]) return usage(err, "calendar import FILE.csv");
      const file = rest[0];
      if (!existsSync(file)) {
        err.write(`no such file: ${file}\n`);
        return 1;
      }
      return withRuntime(async (rt) => {
        const { readFileSync } = await import("node:fs");
        const r = await importCalendar(
          { db: rt.database.db, clock: rt.clock },
          systemActor,
          readFileSync(file),
        );
        if (r.problems.length) {
          for (const p of r.problems) err.write(`${file}:${p.line}: ${p.message}\n`);
          err.write(`nothing imported: ${r.problems.length} problem(s)\n`);
          return 1;
        }
        out.write(
          `imported ${r.days} days: ${r.holidays} weekday holidays, ${r.makeupDays} make-up workdays; ` +
            `${r.written} written${r.keptClosures ? `, ${r.keptClosures} admin closures kept` : ""}\n`,
        );
        return 0;
      });
    }
    case "import": {
      if (sub === "petitions") {
        const file = rest[0];
        if (!file || rest.length > 1) return usage(err, "import petitions FILE");
        if (!existsSync(file)) {
          err.write(`no such file: ${file}\n`);
          return 1;
        }
        return withRuntime(async (rt) => {
          const { readFileSync } = await import("node:fs");
          const r = await importPetitions(
            { db: rt.database.db, clock: rt.clock, publicUrl: rt.config.publicUrl },
            systemActor,
            readFileSync(file, "utf8"),
          );
          if (r.problems.length) {
            for (const p of r.problems)
              err.write(`${file}:${p.line}: ${p.field ? `${p.field}: ` : ""}${p.message}\n`);
            err.write(`nothing imported: ${r.problems.length} problem(s) in ${r.rows} row(s)\n`);
            return 1;
          }
          out.write(
            `petitions: ${r.rows} rows; ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ` +
              `${r.qualified} qualified\n`,
          );
          return 0;
        });
      }
      if (sub !== "transcripts" || rest.length === 0)
        return usage(err, "import transcripts PATH… | import petitions FILE");
      const { collectTranscriptFiles } = await import("./files.ts");
      const collected = collectTranscriptFiles(rest);
      if (collected.missing.length) {
        for (const m of collected.missing) err.write(`no such file or folder: ${m}\n`);
        return 1;
      }
      return withRuntime(async (rt) => {
        const { readFileSync } = await import("node:fs");
        // Read lazily, one file at a time: the archive need not be held in memory whole.
        const files = collected.files.map((name) => ({
          name,
          get text() {
            return readFileSync(name, "utf8");
          },
        }));
        const tty = (err as NodeJS.WriteStream).isTTY === true;
        let lastDraw = 0;
        const r = await importTranscriptFiles(
          { db: rt.database.db, clock: rt.clock },
          systemActor,
          files,
          tty
            ? (p) => {
                const now = Date.now();
                if (now - lastDraw < 100 && p.done !== p.total) return;
                lastDraw = now;
                const width = 30;
                const fill = Math.round((p.done / p.total) * width);
                err.write(
                  `\r[${"#".repeat(fill)}${".".repeat(width - fill)}] ${p.done}/${p.total} ` +
                    `${p.file.split("/").pop()!.slice(0, 40).padEnd(40)}`,
                );
                if (p.done === p.total) err.write("\n");
              }
            : undefined,
        );
        const c = r.transcripts;
        out.write(
          `files: ${r.files}; transcripts: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged; ` +
            `speeches: ${r.speeches}; skipped: ${r.skipped.length}\n`,
        );
        for (const s of r.skipped) err.write(`skipped ${s.file}:${s.line}: ${s.message}\n`);
        // Then the link files (language twins, renamed slugs): they name transcripts imported above.
        const { collectLinkFiles } = await import("./link-files.ts");
        const linkFiles = collectLinkFiles(rest).map((name) => ({ name, text: readFileSync(name, "utf8") }));
        if (!linkFiles.length) return r.skipped.length ? 1 : 0;
        const l = await importTranscriptLinks(
          { db: rt.database.db, clock: rt.clock },
          systemActor,
          linkFiles,
        );
        const a = l.alternates;
        const d = l.redirects;
        out.write(
          `alternates: ${a.created} added, ${a.unchanged} unchanged; redirects: ${d.created} added, ` +
            `${d.updated} repointed, ${d.unchanged} unchanged, ${l.ignored.length} ignored; ` +
            `bad lines: ${l.skipped.length}\n`,
        );
        for (const s of l.ignored) err.write(`ignored ${s.file}:${s.line}: ${s.message}\n`);
        for (const s of l.skipped) err.write(`skipped ${s.file}:${s.line}: ${s.message}\n`);
        return r.skipped.length || l.skipped.length ? 1 : 0;
      });
    }
    case "export": {
      const help = "export transcripts DIR [--format markdown|akomantoso]";
      let parsed;
      try {
        parsed = parseArgs({ args: rest, options: { format: { type: "string" } }, allowPositionals: true });
      } catch (e) {
        err.write(`${(e as Error).message}\n`);
        return usage(err, help);
      }
      const format = parsed.values.format ?? "markdown";
      const dir = parsed.positionals[0];
      if (sub !== "transcripts" || !dir || parsed.positionals.length > 1) return usage(err, help);
      if (format !== "markdown" && format !== "akomantoso") {
        err.write(`--format: markdown or akomantoso, not ${format}\n`);
        return 2;
      }
      const { exportArchive } = await import("../modules/transcripts/use-cases/export-archive.ts");
      return withRuntime(async (rt) => {
        const r = await exportArchive({ db: rt.database.db, clock: rt.clock }, systemActor, { format, dir });
        for (const s of r.skipped) err.write(`skipped ${s.slug}: ${s.reason}\n`);
        out.write(`files written: ${r.written} (${format}) to ${dir}; skipped: ${r.skipped.length}\n`);
        return r.skipped.length ? 1 : 0;
      });
    }
    default:
      err.write(`unknown command: ${command}\n\n${HELP}\n`);
      return 2;
  }
}

function usage(err: NodeJS.WritableStream, text: string): number {
  err.write(`usage: po-network ${text}\n`);
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}` || process.env.PO_NETWORK_CLI === "1") {
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
