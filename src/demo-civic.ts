// Demo data of the civic record for a fresh `npm start`: fictional petitions (one qualified and
// assigned, one still gathering endorsements), next month's monthly meeting, and a self-proposed
// case that took the qualified petition up, with one commitment. Written for the project; no real petition's text.
import type { Db } from "./platform/db/database.ts";
import type { Clock } from "./platform/clock/index.ts";
import { systemActor } from "./modules/directory/index.ts";
import { assignPetition, createPetition } from "./modules/petitions/index.ts";
import { scheduleNetworkMeeting } from "./modules/meetings/index.ts";
import { addResearchEntry, createSelfProposedCase, setChallengeStatement } from "./modules/cases/index.ts";
import { findOrg } from "./modules/directory/index.ts";
import { createCommitment } from "./modules/commitments/index.ts";
import { taipeiDate } from "./platform/calendar/index.ts";

/** What the civic demo seeded. */
export interface CivicDemoSummary {
  petitions: number;
  meetings: number;
  cases: number;
  commitments: number;
}

/** Seeds the civic demo into a database whose directory was just seeded with the demo directory. */
export async function seedDemoCivic(deps: {
  db: Db;
  clock: Clock;
  publicUrl: string;
  secret: string;
}): Promise<CivicDemoSummary> {
  const now = deps.clock.now();
  const motc = await findOrg(deps.db, "motc");
  if (!motc) return { petitions: 0, meetings: 0, cases: 0, commitments: 0 }; // not the demo directory
  const qualified = await createPetition(deps, systemActor, {
    externalId: "demo-0001",
    title: "公共運輸電子票證跨縣市整合",
    text:
      "（示範資料）各縣市公車與捷運使用的電子票證規格與優惠不一，跨縣市通勤族需要持有多張卡片，" +
      "也無法合併計算通勤月票。建議由中央整合票證規格與資料交換，讓一張卡片可在全國使用。",
    proposer: "示範提議人",
    agencies: ["motc"],
    endorsements: 5320,
  });
  await assignPetition(deps, systemActor, qualified.id, { lead: "motc" });
  await createPetition(deps, systemActor, {
    externalId: "demo-0002",
    title: "公園共融遊具設置指引",
    text:
      "（示範資料）希望訂定公園共融遊具的設置指引，讓不同年齡與身心狀況的孩子都能一起遊戲，" +
      "並在規劃時邀請家長與社區參與。",
    proposer: "示範提議人",
    agencies: ["moi"],
    endorsements: 1240,
  });
  const next = new Date(now.getTime() + 31 * 24 * 3600 * 1000);
  const month = next.toISOString().slice(0, 7);
  await scheduleNetworkMeeting(deps, systemActor, { kind: "monthly", month });
  const kase = await createSelfProposedCase(deps, systemActor, {
    title: "電子票證跨縣市整合協作",
    summary: "（示範資料）交通部自提的協作案件，回應「公共運輸電子票證跨縣市整合」提議。",
    leadAgencyId: motc.id,
    petitionId: qualified.id,
  });
  // The case's research under way: a challenge statement and the first rows of its analysis table
  // (the handbook stays a preview for the organisers until they publish it).
  const number = String(kase.number);
  await setChallengeStatement(deps, systemActor, number, {
    text: "我們可以如何讓跨縣市通勤族只用一張卡，就能搭乘各地公車與捷運並享有通勤優惠？",
  });
  const riders = await addResearchEntry(deps, systemActor, number, "stakeholders", {
    name: "跨縣市通勤族",
    kind: "citizen-group",
    interest: "（示範資料）希望一卡通行並合併計算月票優惠。",
    influence: "medium",
  });
  await addResearchEntry(deps, systemActor, number, "analysis", {
    kind: "problem",
    claim: "（示範資料）各縣市票證規格與優惠不一，通勤族需持有多張卡片。",
    aspect: "使用者體驗",
    stakeholderIds: [riders.id],
    currentResponse: "各縣市各自發行通勤月票。",
    possibleResponse: "由中央訂定票證資料交換規格。",
  });
  await addResearchEntry(deps, systemActor, number, "analysis", {
    kind: "solution",
    claim: "（示範資料）建立全國共通的通勤月票，由各縣市依搭乘量分攤。",
    aspect: "財務",
    stakeholders: "各縣市政府、票證公司",
    possibleResponse: "研議跨縣市分攤機制。",
  });
  await createCommitment(deps, systemActor, {
    text: "（示範資料）公布各縣市電子票證規格與資料交換格式的盤點結果。",
    ownerAgencyId: motc.id,
    dueOn: taipeiDate(new Date(now.getTime() + 90 * 24 * 3600 * 1000)),
    caseNumber: kase.number,
    petitionId: qualified.id,
  });
  return { petitions: 2, meetings: 1, cases: 1, commitments: 1 };
}
