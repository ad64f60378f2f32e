// Validates JSON instances against physarch's JSON Schema with ajv, the
// JavaScript validator (and regular-expression engine) editors judge specs
// with. Usage: node ajv-validate.cjs SCHEMA INSTANCE.json...
// PHYSARCH_AJV_DIR names the node_modules directory holding ajv and
// ajv-formats (scripts/install-tools.sh ajv installs them). Prints one JSON
// line per instance: {"file", "valid", "errors"}; exits 2 when the schema
// itself does not compile.
"use strict";
const fs = require("fs");
const path = require("path");
const dir = process.env.PHYSARCH_AJV_DIR;
if (!dir) {
  console.error("PHYSARCH_AJV_DIR is not set");
  process.exit(2);
}
const Ajv2020 = require(path.join(dir, "ajv/dist/2020")).default;
const addFormats = require(path.join(dir, "ajv-formats")).default;
const [schemaFile, ...instances] = process.argv.slice(2);
// strict: a schema keyword ajv does not know, or an ambiguous type, is an
// error rather than silently ignored.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
} catch (e) {
  console.error("schema does not compile: " + e.message);
  process.exit(2);
}
for (const f of instances) {
  const valid = validate(JSON.parse(fs.readFileSync(f, "utf8")));
  const errors = (validate.errors || []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  console.log(JSON.stringify({ file: f, valid, errors }));
}
