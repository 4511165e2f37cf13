import type { Hono } from "hono";
import { isPdis, type AppEnv } from "../modules/directory/index.ts";
import { listMatters } from "../modules/matters/index.ts";
import { listHelpRequests } from "../modules/help-requests/index.ts";
import {
  helpLabelIds,
  HelpRequestItem,
  loadLabels,
  type HelpItem,
  type Labels,
} from "./coordination-parts.tsx";
import type { PageKit } from "./deps.ts";
import { renderPage } from "./layout.tsx";
import { Time, type Ctx, type View } from "./view.tsx";

type MatterItem = Awaited<ReturnType<typeof listMatters>>["items"][number];

const PAGE = 50;

/** What "My work" shows: matters I coordinate, requests to me, requests I made. */
interface WorkData {
  coordinating: { items: MatterItem[]; next: string | null } | null;
  toMe: { items: HelpItem[]; next: string | null };
  mine: { items: HelpItem[]; next: string | null };
  labels: Labels;
  now: Date;
}

const running = (r: HelpItem) => r.state === "open" || r.state === "acknowledged";

/** A link to the next page of one list, keeping the others where they are. */
function moreHref(url: URL, param: string, cursor: string): string {
  const params = new URLSearchParams(url.search);
  params.set(param, cursor);
  return `/work?${params.toString()}`;
}

function HelpList(props: { v: View; items: HelpItem[]; data: WorkData; from: boolean; empty: string }) {
  const { v, items, data } = props;
  if (!items.length) return <p class="empty">{props.empty}</p>;
  return (
    <ul class="card-list">
      {items.map((r) => (
        <HelpRequestItem v={v} r={r} labels={data.labels} now={data.now} from={props.from} />
      ))}
    </ul>
  );
}

function WorkView(props: { v: View; data: WorkData }) {
  const { v, data } = props;
  const { t } = v;
  const toMeRunning = data.toMe.items.filter(running);
  const toMeDone = data.toMe.items.filter((r) => !running(r));
  const mineRunning = data.mine.items.filter(running);
  const mineDone = data.mine.items.filter((r) => !running(r));
  return (
    <>
      <h1>{t("web.work.title")}</h1>
      <p class="lead">{t("web.work.lead")}</p>
      <p class="muted">{t("web.work.noScores")}</p>
      {v.actor.isAdmin || v.actor.grants.length ? (
        <p class="actions">
          <a class="button button-primary" href="/help-requests/new">
            {t("web.work.askForHelp")}
          </a>
          <a class="button button-secondary" href="/matters/new">
            {t("web.work.raiseMatter")}
          </a>
          <a class="button button-secondary" href="/goals">
            {t("goals.index.title")}
          </a>
          {v.actor.isAdmin || isPdis(v.actor) ? (
            <a class="button button-secondary" href="/drafts">
              {t("review.desk.title")}
            </a>
          ) : null}
        </p>
      ) : null}
      <nav aria-label={t("web.work.onThisPage")} class="toc">
        <ul>
          <li>
            <a href="#to-me">{t("web.work.toMe.title")}</a>
          </li>
          <li>
            <a href="#matters">{t("web.work.matters.title")}</a>
          </li>
          <li>
            <a href="#mine">{t("web.work.mine.title")}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="to-me-title" id="to-me">
        <h2 id="to-me-title">{t("web.work.toMe.title")}</h2>
        <p>{t("web.work.toMe.intro")}</p>
        <HelpList v={v} items={toMeRunning} data={data} from empty={t("web.work.toMe.none")} />
        {toMeDone.length ? (
          <details class="panel">
            <summary>{t("web.work.toMe.done")}</summary>
            <HelpList v={v} items={toMeDone} data={data} from empty="" />
          </details>
        ) : null}
        {data.toMe.next ? (
          <p>
            <a href={`${moreHref(v.url, "toMeBefore", data.toMe.next)}#to-me`}>{t("web.work.older")}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="matters-title" id="matters">
        <h2 id="matters-title">{t("web.work.matters.title")}</h2>
        {data.coordinating === null ? (
          <p class="empty">{t("web.work.matters.notPo")}</p>
        ) : data.coordinating.items.length ? (
          <>
            <p>{t("web.work.matters.intro")}</p>
            <ul class="card-list">
              {data.coordinating.items.map((m) => (
                <li class="card">
                  <h3>
                    <a href={`/matters/${m.reference}`}>{m.title}</a>
                  </h3>
                  <p class="muted">
                    {m.reference} · {t(`web.matter.route.${m.triage.route}`)} ·{" "}
                    {t(`web.matter.state.${m.state}`)}
                  </p>
                  <p class="muted">
                    {t("web.work.matters.updated")} <Time v={v} at={m.updatedAt} />
                  </p>
                </li>
              ))}
            </ul>
            {data.coordinating.next ? (
              <p>
                <a href={`${moreHref(v.url, "mattersAfter", data.coordinating.next)}#matters`}>
                  {t("web.work.older")}
                </a>
              </p>
            ) : null}
          </>
        ) : (
          <p class="empty">{t("web.work.matters.none")}</p>
        )}
      </section>

      <section aria-labelledby="mine-title" id="mine">
        <h2 id="mine-title">{t("web.work.mine.title")}</h2>
        <HelpList v={v} items={mineRunning} data={data} from={false} empty={t("web.work.mine.none")} />
        {mineDone.length ? (
          <details class="panel">
            <summary>{t("web.work.mine.done")}</summary>
            <HelpList v={v} items={mineDone} data={data} from={false} empty="" />
          </details>
        ) : null}
        {data.mine.next ? (
          <p>
            <a href={`${moreHref(v.url, "mineBefore", data.mine.next)}#mine`}>{t("web.work.older")}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

/** "My work": what waits for the signed-in person, and what they asked for. */
export function workPages(app: Hono<AppEnv>, kit: PageKit) {
  app.get("/work", async (c: Ctx) => {
    const actor = c.get("actor");
    if (!actor.personId) return c.redirect("/sign-in?redirectTo=%2Fwork", 303);
    const v = kit.view(c);
    const q = (name: string) => c.req.query(name) || undefined;
    const isPo = actor.grants.some((g) => g.role === "po");
    const [coordinating, toMe, mine] = await Promise.all([
      isPo
        ? listMatters(kit.matters, actor, {
            mine: "coordinating",
            state: "open",
            limit: PAGE,
            after: q("mattersAfter"),
          })
        : Promise.resolve(null),
      listHelpRequests(kit.help, actor, { box: "to-me", limit: PAGE, before: q("toMeBefore") }),
      listHelpRequests(kit.help, actor, { box: "mine", limit: PAGE, before: q("mineBefore") }),
    ]);
    const ids = helpLabelIds([...toMe.items, ...mine.items]);
    const labels = await loadLabels(kit.deps.database.db, ids);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("web.work.title"), nav: "work", langPath: "/work" },
        <WorkView v={v} data={{ coordinating, toMe, mine, labels, now: kit.deps.clock.now() }} />,
      ),
    );
  });
}
