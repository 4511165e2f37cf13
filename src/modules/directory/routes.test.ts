import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestApp } from "../../platform/testing/app.ts";
import type { FixedClock } from "../../platform/clock/index.ts";

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: string;

before(async () => {
  t = await createTestApp();
  const { createPerson, systemActor } = await import("./index.ts");
  await createPerson({ db: t.db, clock: t.rt.clock }, systemActor, {
    email: "admin@example.org",
    name: "示範管理員",
    isAdmin: true,
  });
  admin = await t.tokenFor("admin@example.org");
});
after(() => t.close());

describe("agencies", () => {
  test("level 2 lists at least 30 agencies with sizes and weights", async () => {
    const res = await t.api("GET", "/api/v1/agencies?level=2");
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length >= 30, `got ${res.body.items.length}`);
    for (const a of res.body.items) {
      assert.equal(a.level, 2);
      assert.equal(a.kind, "agency");
      assert.ok(a.id && a.slug && a.name["zh-TW"] && a.name.en);
      assert.ok(a.parentId);
      assert.equal(typeof a.size.subAgencies, "number");
      assert.equal(typeof a.coordinationWeight, "number");
    }
    const moi = res.body.items.find((a: any) => a.slug === "moi");
    assert.equal(moi.name["zh-TW"], "內政部");
    assert.ok(moi.size.subAgencies >= 5 && moi.size.units >= 5);
    assert.ok(moi.coordinationWeight > 1);
  });

  test("an agency lists units, children, POs and the default authorisation table", async () => {
    const list = await t.api("GET", "/api/v1/agencies?level=2");
    const moi = list.body.items.find((a: any) => a.slug === "moi");
    const res = await t.api("GET", `/api/v1/agencies/${moi.id}`);
    assert.equal(res.status, 200);
    assert.ok(res.body.units.length >= 5);
    assert.ok(res.body.units.every((u: any) => u.id && u.name["zh-TW"]));
    assert.ok(res.body.children.some((c: any) => c.level === 3));
    assert.ok(res.body.pos.some((p: any) => p.tags.includes("lead-po") && p.email.endsWith("@example.org")));
    assert.equal(res.body.authorisation.source, "default");
    assert.equal(res.body.ancestors[0].slug, "executive-yuan");
    const bySlug = await t.api("GET", "/api/v1/agencies/moi");
    assert.equal(bySlug.body.id, moi.id);
  });

  test("search and unknown agencies", async () => {
    const found = await t.api("GET", `/api/v1/agencies?q=${encodeURIComponent("數位")}`);
    assert.ok(found.body.items.some((a: any) => a.slug === "moda"));
    assert.equal((await t.api("GET", "/api/v1/agencies/no-such-agency")).status, 404);
    const bad = await t.api("GET", "/api/v1/agencies?level=9");
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "level");
  });

  test("units come with kind=unit", async () => {
    const res = await t.api("GET", "/api/v1/agencies?kind=unit&parent=moi");
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length >= 5);
    assert.ok(res.body.items.every((u: any) => u.kind === "unit"));
  });

  test("only admins add agencies; an agency under a unit is refused", async () => {
    const body = {
      slug: "test-agency",
      kind: "agency",
      parentId: "moi",
      name: { "zh-TW": "測試署", en: "Test Agency" },
    };
    assert.equal((await t.api("POST", "/api/v1/agencies", { body })).status, 401);
    const po = await t.tokenFor("po-moi-lead@example.org");
    assert.equal((await t.api("POST", "/api/v1/agencies", { token: po, body })).status, 403);
    const created = await t.api("POST", "/api/v1/agencies", { token: admin, body });
    assert.equal(created.status, 201);
    assert.equal(created.body.level, 3);
    const dup = await t.api("POST", "/api/v1/agencies", { token: admin, body });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.field, "slug");
    const bad = await t.api("POST", "/api/v1/agencies", {
      token: admin,
      body: { ...body, slug: "Bad Slug" },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "slug");
  });
});

describe("people and PO invitations", () => {
  test("create a person; invalid e-mail names the field", async () => {
    const bad = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "not-an-email", name: "X" },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "email");
    assert.equal(bad.body.error.code, "invalid_input");
    const res = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "New.Person@example.org", name: "示範新同仁" },
    });
    assert.equal(res.status, 201);
    assert.ok(res.body.id);
    const again = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "new.person@example.org", name: "重複" },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.field, "email");
  });

  test("invite → accept makes a PO; the invitee's audit shows both", async () => {
    const person = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "invitee@example.org", name: "示範受邀者" },
    });
    const moi = await t.api("GET", "/api/v1/agencies/moi");
    const inv = await t.api("POST", `/api/v1/agencies/${moi.body.id}/po-invitations`, {
      token: admin,
      body: { personId: person.body.id },
    });
    assert.equal(inv.status, 201);
    assert.equal(inv.body.state, "pending");
    // Invited is not yet a PO.
    const before = await t.api("GET", `/api/v1/people/${person.body.id}`, { token: admin });
    assert.equal(before.body.roles.length, 0);
    // A second pending invitation is refused.
    const dup = await t.api("POST", `/api/v1/agencies/${moi.body.id}/po-invitations`, {
      token: admin,
      body: { personId: person.body.id },
    });
    assert.equal(dup.status, 409);

    const invitee = await t.tokenFor("invitee@example.org");
    // Someone else cannot accept it.
    const other = await t.tokenFor("po-moi-lead@example.org");
    assert.equal(
      (await t.api("POST", `/api/v1/po-invitations/${inv.body.id}/accept`, { token: other })).status,
      404,
    );
    const accepted = await t.api("POST", `/api/v1/po-invitations/${inv.body.id}/accept`, { token: invitee });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.state, "accepted");
    const again = await t.api("POST", `/api/v1/po-invitations/${inv.body.id}/decline`, { token: invitee });
    assert.equal(again.status, 409);

    const after = await t.api("GET", `/api/v1/people/${person.body.id}`, { token: invitee });
    const po = after.body.roles.find((r: any) => r.role === "po");
    assert.ok(po, "PO role listed");
    assert.equal(po.agency.id, moi.body.id);
    assert.equal(after.body.authorisation[0].agency.slug, "moi");
    // Public profile too, now that they hold a role.
    assert.equal((await t.api("GET", `/api/v1/people/${person.body.id}`)).status, 200);

    const audit = await t.api("GET", "/api/v1/me/audit", { token: invitee });
    const actions = audit.body.items.map((e: any) => e.action);
    assert.ok(actions.includes("po-invitation.create"), actions.join());
    assert.ok(actions.includes("po-invitation.accept"), actions.join());
    assert.ok(actions.includes("membership.start"), actions.join());
  });

  test("a declined invitation leaves no PO role", async () => {
    const person = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "decliner@example.org", name: "示範婉拒者" },
    });
    const inv = await t.api("POST", "/api/v1/agencies/moea/po-invitations", {
      token: admin,
      body: { personId: person.body.id },
    });
    assert.equal(inv.status, 201);
    const tok = await t.tokenFor("decliner@example.org");
    const declined = await t.api("POST", `/api/v1/po-invitations/${inv.body.id}/decline`, { token: tok });
    assert.equal(declined.body.state, "declined");
    const p = await t.api("GET", `/api/v1/people/${person.body.id}`, { token: tok });
    assert.equal(p.body.roles.length, 0);
    // Without a role, the person is not public.
    assert.equal((await t.api("GET", `/api/v1/people/${person.body.id}`)).status, 404);
  });

  test("a team PO cannot invite; the agency's supervisor can", async () => {
    const team = await t.tokenFor("po-moi-press@example.org");
    const target = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "sup-invitee@example.org", name: "示範候選人" },
    });
    const res = await t.api("POST", "/api/v1/agencies/moi/po-invitations", {
      token: team,
      body: { personId: target.body.id },
    });
    assert.equal(res.status, 403);
    const sup = await t.tokenFor("sup-moi@example.org");
    const ok = await t.api("POST", "/api/v1/agencies/moi/po-invitations", {
      token: sup,
      body: { personId: target.body.id, tags: ["press"] },
    });
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.tags, ["press"]);
    const elsewhere = await t.api("POST", "/api/v1/agencies/moea/po-invitations", {
      token: sup,
      body: { personId: target.body.id },
    });
    assert.equal(elsewhere.status, 403);
  });

  test("reading a non-public person is audited for the reader and the subject", async () => {
    const p = await t.api("POST", "/api/v1/people", {
      token: admin,
      body: { email: "private@example.org", name: "示範民眾" },
    });
    assert.equal((await t.api("GET", `/api/v1/people/${p.body.id}`, { token: admin })).status, 200);
    const mine = await t.api("GET", "/api/v1/me/audit", { token: await t.tokenFor("private@example.org") });
    assert.ok(mine.body.items.some((e: any) => e.action === "read" && e.entityId === p.body.id));
  });
});

describe("authorisation table and roster", () => {
  test("the supervisor sets the table; it shows on the PO's profile", async () => {
    const sup = await t.tokenFor("sup-moi@example.org");
    const body = { maxUnitsWithoutSignoff: 7, maxAgenciesWithoutSignoff: 3, maxWorkingGroupSize: 12 };
    const po = await t.tokenFor("po-moi-lead@example.org");
    assert.equal((await t.api("PUT", "/api/v1/agencies/moi/authorisation", { token: po, body })).status, 403);
    const res = await t.api("PUT", "/api/v1/agencies/moi/authorisation", { token: sup, body });
    assert.equal(res.status, 200);
    assert.equal(res.body.source, "supervisor");
    const bad = await t.api("PUT", "/api/v1/agencies/moi/authorisation", {
      token: sup,
      body: { ...body, maxUnitsWithoutSignoff: -1 },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "maxUnitsWithoutSignoff");
    const me = await t.api("GET", "/api/v1/me", { token: po });
    const profile = await t.api("GET", `/api/v1/people/${me.body.personId}`);
    const table = profile.body.authorisation.find((a: any) => a.agency.slug === "moi").table;
    assert.equal(table.maxUnitsWithoutSignoff, 7);
    assert.equal(table.source, "supervisor");
  });

  test("the lead PO files the roster; history is kept", async () => {
    const lead = await t.tokenFor("po-moi-lead@example.org");
    const first = await t.api("POST", "/api/v1/agencies/moi/rosters", { token: lead, body: { year: 2026 } });
    assert.equal(first.status, 201);
    assert.ok(first.body.entries.length >= 2);
    (t.rt.clock as FixedClock).advance(60_000);
    const second = await t.api("POST", "/api/v1/agencies/moi/rosters", {
      token: lead,
      body: { year: 2026, note: "更正" },
    });
    assert.equal(second.status, 201);
    const list = await t.api("GET", "/api/v1/agencies/moi/rosters");
    assert.equal(list.body.items.length, 2);
    assert.equal(list.body.items[0].note, "更正");
  });
});

describe("resources", () => {
  test("lists internal resources and outside pools", async () => {
    const pools = await t.api("GET", "/api/v1/resources?kind=pool");
    assert.ok(pools.body.items.length >= 5);
    assert.ok(pools.body.items.every((r: any) => r.org === null));
    const cats = new Set(pools.body.items.map((r: any) => r.category));
    for (const c of ["stenographer", "facilitator", "plain-language", "livestream", "civil-society-expert"]) {
      assert.ok(cats.has(c), c);
    }
    const internal = await t.api("GET", "/api/v1/resources?agency=moi");
    assert.ok(internal.body.items.length >= 1);
  });
});
