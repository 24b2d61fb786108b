// Reads an iCalendar file with Mozilla's ical.js (the parser of
// Thunderbird's calendar) and prints one JSON object per event or to-do,
// sorted by UID, in the shape validators_test.go expects. Strict mode
// throws on any line ical.js cannot parse.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.ICALJS_DIR + "/");
const ICAL = require("ical.js");

const text = readFileSync(process.argv[2], "utf8");
const root = new ICAL.Component(ICAL.parse(text));
const out = [];
for (const name of ["vevent", "vtodo"]) {
  for (const c of root.getAllSubcomponents(name)) {
    const start = c.getFirstPropertyValue(name === "vevent" ? "dtstart" : "due");
    out.push({
      uid: c.getFirstPropertyValue("uid"),
      summary: c.getFirstPropertyValue("summary"),
      description: c.getFirstPropertyValue("description"),
      start: start.isDate ? start.toString() : start.toJSDate().toISOString().replace(".000Z", "Z"),
      status: c.getFirstPropertyValue("status"),
      sequence: c.getFirstPropertyValue("sequence"),
      alarms: c.getAllSubcomponents("valarm").length,
    });
  }
}
out.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
for (const o of out) console.log(JSON.stringify(o));
