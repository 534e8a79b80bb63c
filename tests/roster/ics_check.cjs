// Parses a roster's ICS with ical.js (a real calendar parser) and checks what pm promises:
// one VEVENT per shift, unique UIDs, CRLF line ends, lines folded at 75 octets.
// usage: node ics_check.cjs ICAL_JS_DIR ROSTER.ics EXPECTED_EVENTS
const fs = require("fs");
const path = require("path");
const ICAL = require(path.join(process.argv[2], "dist", "ical.es5.cjs"));
const text = fs.readFileSync(process.argv[3], "utf8");
const expected = Number(process.argv[4]);
const fail = (m) => { console.error("ics_check: " + m); process.exit(1); };

if (!text.endsWith("\r\n")) fail("does not end with CRLF");
for (const line of text.split("\r\n")) {
  if (line.includes("\n")) fail("bare LF inside: " + JSON.stringify(line));
  if (Buffer.byteLength(line, "utf8") > 75) fail("line over 75 octets: " + line);
}
const comp = new ICAL.Component(ICAL.parse(text));
if (comp.name !== "vcalendar") fail("not a VCALENDAR");
if (comp.getFirstPropertyValue("version") !== "2.0") fail("VERSION is not 2.0");
const events = comp.getAllSubcomponents("vevent");
if (events.length !== expected) fail(`expected ${expected} events, found ${events.length}`);
const uids = new Set();
for (const v of events) {
  const e = new ICAL.Event(v);
  if (!e.uid || uids.has(e.uid)) fail("missing or repeated UID " + e.uid);
  uids.add(e.uid);
  if (e.endDate.compare(e.startDate) <= 0) fail("event ends before it starts: " + e.uid);
  const h = e.duration.toSeconds() / 3600;
  if (h < 1 || h > 12) fail(`event of ${h} h: ${e.uid}`);
  if (!e.summary) fail("no SUMMARY: " + e.uid);
  if (!v.getFirstPropertyValue("dtstamp")) fail("no DTSTAMP: " + e.uid);
}
console.log(`ics_check: ${events.length} events parsed`);
