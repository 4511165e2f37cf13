// The issue handbook (議題手冊) of a case: /cases/{number}/handbook on screen and, with ?print=1, laid
// out for A4 paper without the site's navigation. Public once published; before that the case's
// organisers see a preview and the button that publishes it. The same use cases as the API.
import type { Hono } from "hono";
import { AppError, fail } from "../../platform/http/errors.ts";
import type { AppEnv } from "../../modules/directory/index.ts";
import {
  getHandbook,
  handbookTimingWarning,
  publishHandbook,
  type CasesDeps,
} from "../../modules/cases/index.ts";
import { ActionButton, Alert, Notice } from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { renderPage } from "../layout.tsx";
import { Time, type View } from "../view.tsx";

type Handbook = Awaited<ReturnType<typeof getHandbook>>;
type OutlineNode = Handbook["mindMap"][number];

const isHttp = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** Evidence as written, one source a line; addresses become links. */
function Evidence(props: { text: string }) {
  const lines = props.text.split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) return null;
  return (
    <ul class="plain-list">
      {lines.map((l) => (
        <li>{isHttp(l.trim()) ? <a href={l.trim()}>{l.trim()}</a> : l}</li>
      ))}
    </ul>
  );
}

function Outline(props: { nodes: OutlineNode[] }) {
  return (
    <ul>
      {props.nodes.map((n) => (
        <li>
          {n.label}
          {n.children.length ? <Outline nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

function HandbookView(props: {
  v: View;
  h: Handbook;
  print: boolean;
  notice?: string;
  warning?: string | null;
  error?: string;
}) {
  const { v, h, print } = props;
  const { t } = v;
  const name = (id: string) => h.stakeholders.find((s) => s.id === id)?.name;
  const agency = (o: { name: { "zh-TW": string; en: string } } | null) => (o ? o.name[v.locale] : "");
  return (
    <article class="handbook">
      <p class="transcript-meta">{t("cases.handbook.kicker")}</p>
      <h1>
        {t("cases.case.number", { number: h.number })} · {h.title}
      </h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.warning ? <Notice kind="info">{props.warning}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      {h.publishedAt ? (
        <p>
          {t("cases.handbook.published")} <Time v={v} at={h.publishedAt} style="date" /> ·{" "}
          {t("cases.handbook.updated")} <Time v={v} at={h.updatedAt} style="date" />
        </p>
      ) : (
        <p class="notice notice-info">{t("cases.handbook.preview")}</p>
      )}
      <p class="notice notice-info">{t("cases.handbook.coEdited")}</p>
      {print ? (
        <p class="handbook-actions">
          <a href={`${h.url}`}>{t("cases.handbook.screenView")}</a>
        </p>
      ) : (
        <div class="handbook-actions">
          <p>
            <a href={h.caseUrl}>{t("cases.handbook.backToCase")}</a> ·{" "}
            <a href={`${h.url}?print=1`}>{t("cases.handbook.printView")}</a>
          </p>
          {!h.publishedAt && h.can.organise ? (
            <ActionButton
              v={v}
              action={`${h.url}/publish`}
              variant="primary"
              label={t("cases.handbook.publish")}
            />
          ) : null}
        </div>
      )}

      <section aria-labelledby="handbook-meeting-title">
        <h2 id="handbook-meeting-title">{t("cases.handbook.meetingTitle")}</h2>
        <ul>
          <li>
            {t("cases.handbook.meetingDate")}：{h.meeting.date ?? t("cases.handbook.noDate")}
            {h.meeting.meeting ? (
              <>
                {" "}
                · <a href={h.meeting.meeting.url}>{t("cases.handbook.meetingPage")}</a>
              </>
            ) : null}
          </li>
          {h.meeting.meeting?.startTime ? (
            <li>
              {t("cases.handbook.meetingTime")}：
              {t("cases.handbook.meetingTimeValue", { time: h.meeting.meeting.startTime })}
            </li>
          ) : null}
          {h.meeting.meeting?.date ? (
            <li>
              {t("cases.handbook.meetingLocation")}：
              {h.meeting.meeting.location ?? t("cases.handbook.noLocation")}
            </li>
          ) : null}
          <li>
            {t("cases.handbook.organisers")}：
            {[agency(h.leadAgency), ...h.coOrganisers.map(agency)]
              .filter(Boolean)
              .join(t("common.listSeparator")) || t("cases.index.noLead")}
          </li>
          <li>
            {t("cases.handbook.livestream")}：{t(`cases.livestream.${h.meeting.livestream}`)}
          </li>
        </ul>
      </section>

      {h.summary ? (
        <section aria-labelledby="handbook-summary-title">
          <h2 id="handbook-summary-title">{t("cases.handbook.summaryTitle")}</h2>
          <p>{h.summary}</p>
        </section>
      ) : null}

      <section aria-labelledby="handbook-challenge-title">
        <h2 id="handbook-challenge-title">{t("cases.handbook.challengeTitle")}</h2>
        {h.challenge ? (
          <p class="lead">{h.challenge.text}</p>
        ) : (
          <p class="empty">{t("cases.handbook.noChallenge")}</p>
        )}
      </section>

      <section aria-labelledby="handbook-analysis-title">
        <h2 id="handbook-analysis-title">{t("cases.handbook.analysisTitle")}</h2>
        {h.analysis.length ? (
          <div class="handbook-table-wrap">
            <table class="handbook-table">
              <thead>
                <tr>
                  <th scope="col">{t("cases.handbook.claim")}</th>
                  <th scope="col">{t("cases.handbook.aspect")}</th>
                  <th scope="col">{t("cases.handbook.stakeholders")}</th>
                  <th scope="col">{t("cases.handbook.currentResponse")}</th>
                  <th scope="col">{t("cases.handbook.possibleResponse")}</th>
                  <th scope="col">{t("cases.handbook.evidence")}</th>
                </tr>
              </thead>
              <tbody>
                {h.analysis.map((r) => (
                  <tr>
                    <th scope="row">
                      <span class="tag">{t(`cases.claimKind.${r.kind}`)}</span> {r.claim}
                    </th>
                    <td>{r.aspect}</td>
                    <td>
                      {[...r.stakeholderIds.map(name).filter(Boolean), r.stakeholders]
                        .filter(Boolean)
                        .join(t("common.listSeparator"))}
                    </td>
                    <td>{r.currentResponse}</td>
                    <td>{r.possibleResponse}</td>
                    <td>
                      <Evidence text={r.evidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t("cases.handbook.noAnalysis")}</p>
        )}
      </section>

      <section aria-labelledby="handbook-stakeholders-title">
        <h2 id="handbook-stakeholders-title">{t("cases.handbook.stakeholdersTitle")}</h2>
        {h.stakeholders.length ? (
          <div class="handbook-table-wrap">
            <table class="handbook-table">
              <thead>
                <tr>
                  <th scope="col">{t("cases.handbook.stakeholderName")}</th>
                  <th scope="col">{t("cases.handbook.stakeholderKind")}</th>
                  <th scope="col">{t("cases.handbook.interest")}</th>
                  <th scope="col">{t("cases.handbook.influence")}</th>
                </tr>
              </thead>
              <tbody>
                {h.stakeholders.map((s) => (
                  <tr>
                    <th scope="row">{s.name}</th>
                    <td>{t(`cases.stakeholderKind.${s.kind}`)}</td>
                    <td>{s.interest}</td>
                    <td>{s.influence ? t(`cases.influence.${s.influence}`) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t("cases.handbook.noStakeholders")}</p>
        )}
      </section>

      <section aria-labelledby="handbook-interviews-title">
        <h2 id="handbook-interviews-title">{t("cases.handbook.interviewsTitle")}</h2>
        {h.interviews.length ? (
          <ul>
            {h.interviews.map((i) => (
              <li>
                <strong>{i.interviewee}</strong>
                {i.heldOn ? ` · ${i.heldOn}` : null}
                {i.interviewer ? ` · ${t("cases.handbook.interviewer", { name: i.interviewer })}` : null}
                {i.summary ? <p>{i.summary}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("cases.handbook.noInterviews")}</p>
        )}
      </section>

      <section aria-labelledby="handbook-mind-map-title" class="mind-map">
        <h2 id="handbook-mind-map-title">{t("cases.handbook.mindMapTitle")}</h2>
        {h.mindMap.length ? (
          <Outline nodes={h.mindMap} />
        ) : (
          <p class="empty">{t("cases.handbook.noMindMap")}</p>
        )}
      </section>
    </article>
  );
}

/** The issue handbook's pages: the web view, the print view and the organisers' publish button. */
export function handbookPages(app: Hono<AppEnv>, kit: PageKit, deps: CasesDeps) {
  const page = (
    v: View,
    h: Handbook,
    print: boolean,
    extra: { notice?: string; warning?: string | null; error?: string } = {},
  ) =>
    renderPage(
      v,
      {
        title: `${v.t("cases.handbook.kicker")} · ${v.t("cases.case.number", { number: h.number })} · ${h.title}`,
        nav: "cases",
        print,
        langPath: `${h.url}${print ? "?print=1" : ""}`,
        noindex: !h.publishedAt,
        hasError: !!extra.error,
      },
      <HandbookView v={v} h={h} print={print} {...extra} />,
    );

  app.get("/cases/:number/handbook", async (c) => {
    const v = kit.view(c);
    const raw = c.req.param("number");
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    const h = await getHandbook(deps, v.actor, raw);
    // The preview is for the organisers only: never kept by a shared cache.
    if (!h.publishedAt) c.header("Cache-Control", "no-store");
    return c.html(page(v, h, c.req.query("print") === "1"));
  });

  // Publishing from the preview: the outcome on the page, with the timing warning when there is one.
  app.post("/cases/:number/handbook/publish", async (c) => {
    const v = kit.view(c);
    const raw = c.req.param("number");
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/cases/${raw}/handbook`)}`, 303);
    try {
      const { handbook, timing } = await publishHandbook(deps, v.actor, raw);
      return c.html(
        page(v, handbook, false, {
          notice: v.t("cases.handbook.publishedNotice"),
          warning: handbookTimingWarning(timing, v.locale),
        }),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
      const h = await getHandbook(deps, v.actor, raw);
      return c.html(page(v, h, false, { error: err.localized(v.locale) }), err.def.status as 403 | 409);
    }
  });
}
