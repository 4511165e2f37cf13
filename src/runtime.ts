import type { Config } from "./config/index.ts";
import { openDatabase, type Database } from "./platform/db/database.ts";
import { migrateDatabase } from "./platform/db/migrate.ts";
import { ensureBaselineCalendar } from "./platform/calendar/index.ts";
import { systemClock, type Clock } from "./platform/clock/index.ts";
import { seedDirectory } from "./modules/directory/index.ts";
import { seedDemoTranscripts } from "./modules/transcripts/index.ts";
import { seedDemoCivic } from "./demo-civic.ts";
import { ensureSpeechSearch } from "./modules/transcripts/index.ts";
import { ensureCaseSearch } from "./modules/cases/index.ts";
import { helpRequestSweep } from "./modules/help-requests/index.ts";
import { earlyWarningSweep } from "./modules/early-warnings/index.ts";
import { ensurePetitionSearch, petitionSweep } from "./modules/petitions/index.ts";
import { transcriptPublishSweep } from "./modules/transcripts/index.ts";
import { meetingBallotSweep } from "./modules/meetings/index.ts";
import { commitmentOverdueSweep } from "./modules/commitments/index.ts";
import { deliverWebhooks, sendDailyDigests } from "./modules/notifications/index.ts";
import { runSweeps, type Sweep } from "./platform/jobs/index.ts";
import {
  deliverDueMail,
  localMailboxTransport,
  smtpTransport,
  type MailTransport,
} from "./platform/mail/outbox.ts";

/** The opened database plus what every entry point (server, CLI, tests) shares. */
export interface Runtime {
  config: Config;
  database: Database;
  clock: Clock;
  mailTransport: MailTransport;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and, into an empty database, loads the directory (and demo data when configured). */
export async function openRuntime(
  config: Config,
  options: {
    clock?: Clock;
    attachToRunning?: boolean;
    seed?: boolean;
    migrate?: boolean;
    /** With the demo directory, also load the demo transcripts (the server's first start; not tests). */
    demoTranscripts?: boolean;
  } = {},
): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    attachToRunning: options.attachToRunning,
  });
  const clock = options.clock ?? systemClock;
  try {
    if (options.migrate !== false) {
      await migrateDatabase(database);
      await ensureBaselineCalendar(database.db, clock.now());
      await ensureSpeechSearch(database.db);
      await ensurePetitionSearch(database.db);
      await ensureCaseSearch(database.db);
    }
    if (options.seed ?? true) {
      const seeded = await seedDirectory({ db: database.db, clock }, { demo: config.seedDemo });
      if (options.demoTranscripts && config.seedDemo && !seeded.skipped) {
        await seedDemoTranscripts({ db: database.db, clock });
        await seedDemoCivic({
          db: database.db,
          clock,
          publicUrl: config.publicUrl,
          secret: config.sessionSecret,
        });
      }
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    config,
    database,
    clock,
    mailTransport: config.smtpUrl ? smtpTransport(config.smtpUrl) : localMailboxTransport,
    close: () => database.close(),
  };
}

/** Every sweep of the product, in the order a pass runs them (mail last, to send what the others queued). */
export function sweeps(rt: Runtime): Sweep[] {
  const db = rt.database.db;
  const publicUrl = rt.config.publicUrl;
  return [
    helpRequestSweep({ db, publicUrl }),
    earlyWarningSweep({ db, publicUrl }),
    // After the early-warnings sweep: a warning a petition raises now is asked "did it happen?" later.
    petitionSweep({ db, publicUrl }),
    transcriptPublishSweep({ db, publicUrl }),
    meetingBallotSweep({ db, publicUrl, secret: rt.config.sessionSecret }),
    commitmentOverdueSweep({ db, publicUrl }),
    {
      name: "digests",
      run: async (now) => sendDailyDigests(db, { now: () => now }, publicUrl),
    },
    {
      name: "webhooks",
      run: async (now) => deliverWebhooks(db, { now: () => now }),
    },
    {
      name: "mail",
      run: async (now) => deliverDueMail(db, { now: () => now }, rt.mailTransport, rt.config.mailFrom),
    },
  ];
}

/** Runs each sweep once at the runtime clock's time (po-network jobs run-due). */
export async function runDueJobs(rt: Runtime) {
  return runSweeps(sweeps(rt), rt.clock);
}
