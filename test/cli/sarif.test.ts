import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { runOkr } from '../helpers/cli';

// The part of the official SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS) that our log uses,
// written out here because the schema cannot be downloaded in the build: required properties,
// enums, minimums, and no unknown properties on the objects we emit.
const multiformatMessage = {
  type: 'object', required: ['text'], additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' } },
};
const message = {
  type: 'object', anyOf: [{ required: ['text'] }, { required: ['id'] }], additionalProperties: false,
  properties: { text: { type: 'string' }, id: { type: 'string' }, markdown: { type: 'string' } },
};
const region = {
  type: 'object', additionalProperties: false,
  properties: {
    startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 },
  },
};
const artifactLocation = {
  type: 'object', additionalProperties: false,
  properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } },
};
const location = {
  type: 'object', additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: -1 }, message,
    physicalLocation: {
      type: 'object', additionalProperties: false, anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
      properties: { artifactLocation, region, address: { type: 'object' } },
    },
  },
};
const SARIF_SUBSET = {
  $id: 'sarif-2.1.0-subset',
  type: 'object', required: ['version', 'runs'], additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: ['array', 'null'], minItems: 0,
      items: {
        type: 'object', required: ['tool'], additionalProperties: false,
        properties: {
          tool: {
            type: 'object', required: ['driver'], additionalProperties: false,
            properties: {
              driver: {
                type: 'object', required: ['name'], additionalProperties: false,
                properties: {
                  name: { type: 'string' }, version: { type: 'string' }, semanticVersion: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: {
                    type: 'array', uniqueItems: true,
                    items: {
                      type: 'object', required: ['id'], additionalProperties: false,
                      properties: {
                        id: { type: 'string' }, name: { type: 'string' },
                        shortDescription: multiformatMessage, fullDescription: multiformatMessage, help: multiformatMessage,
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: {
                          type: 'object', additionalProperties: false,
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] }, enabled: { type: 'boolean' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: artifactLocation },
          results: {
            type: ['array', 'null'],
            items: {
              type: 'object', required: ['message'], additionalProperties: false,
              properties: {
                ruleId: { type: 'string' }, ruleIndex: { type: 'integer', minimum: -1 },
                level: { enum: ['none', 'note', 'warning', 'error'] }, message,
                locations: { type: 'array', items: location }, relatedLocations: { type: 'array', items: location },
              },
            },
          },
        },
      },
    },
  },
};

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-sarif-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex?: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[] }[];
}

const DRAFT = [
  'period 2026-04-01 to 2026-08-30',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  kr Reduce AR>60 days by 50% by 2026-08-30',
  '    baseline $24M on 2026-03-31',
  '  kr Implement new inventory management software',
  '  krr Typo here',
  '',
].join('\n');

describe('okr check --format sarif', () => {
  const dir = workspace({ 'okrs/ar.okr': DRAFT });
  const run = runOkr(['check', '--format', 'sarif', '--today', '2026-05-01'], dir);
  const log = JSON.parse(run.stdout) as SarifLog;

  it('validates against the SARIF 2.1.0 schema (required structure)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(SARIF_SUBSET);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // Formats that code scanning relies on, checked by hand (no ajv-formats in the project).
    for (const rule of log.runs[0].tool.driver.rules) assert.doesNotThrow(() => new URL(rule.helpUri), rule.helpUri);
  });

  it('the schema subset rejects what code scanning rejects', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(SARIF_SUBSET);
    const broken = JSON.parse(run.stdout);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('carries rule metadata with help links and results with regions', () => {
    const rules = log.runs[0].tool.driver.rules;
    const task = rules.find((r) => r.id === 'kr-task');
    assert.ok(task);
    assert.match(task.helpUri, /docs\/rules\/kr-task\.md$/);
    const results = log.runs[0].results;
    const taskResult = results.find((r) => r.ruleId === 'kr-task');
    assert.ok(taskResult);
    assert.equal(rules[taskResult.ruleIndex ?? -1].id, 'kr-task');
    assert.equal(taskResult.level, 'warning');
    assert.deepEqual(taskResult.locations[0].physicalLocation.artifactLocation.uri, 'okrs/ar.okr');
    assert.deepEqual(taskResult.locations[0].physicalLocation.region, { startLine: 5, startColumn: 6, endLine: 5, endColumn: 15 });
    assert.ok(results.some((r) => r.ruleId === 'syntax' && r.level === 'error'));
    assert.ok(results.some((r) => r.ruleId === 'kr-implicit-target' && r.level === 'note'));
    assert.equal(run.code, 1, 'a syntax error still fails the check');
  });
});

describe('okr check: config file, --config and --max-warnings', () => {
  const TASK = 'period 2026-Q2\nobjective Get paid faster\n  why Cash\n  kr Implement new inventory management software\n';

  it('honours the nearest .okrrc.json', () => {
    const dir = workspace({ 'team/.okrrc.json': '{"rules": {"kr-task": "error"}}', 'team/q2.okr': TASK });
    const run = runOkr(['check', '--today', '2026-05-01'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /team[\\/]q2\.okr:4:6 error This KR is a task/);
  });

  it('reports an invalid config against the config file with its position, and the defaults go on working', () => {
    const dir = workspace({ '.okrrc.json': '{\n  "rules": {\n    "kr-task": "eror"\n  }\n}\n', 'q2.okr': TASK });
    const run = runOkr(['check', '--today', '2026-05-01'], dir);
    assert.match(run.stdout, /^\.okrrc\.json:3:16 error 'kr-task': the severity must be "error", "warning", "info" or "off", not "eror" \[config\]$/m);
    assert.match(run.stdout, /q2\.okr:4:6 warning This KR is a task/);
    assert.equal(run.code, 1);
  });

  it('--config names the file explicitly', () => {
    const dir = workspace({ 'cfg/strict.json': '{"rules": {"kr-task": "off"}}', 'q2.okr': TASK });
    const run = runOkr(['check', '--config', 'cfg/strict.json', '--today', '2026-05-01', '--format', 'json'], dir);
    const out = JSON.parse(run.stdout);
    assert.ok(!out.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'kr-task'));
  });

  it('--max-warnings N fails when there are more than N warnings', () => {
    const dir = workspace({ 'q2.okr': TASK });
    assert.equal(runOkr(['check', '--today', '2026-05-01'], dir).code, 0);
    const strict = runOkr(['check', '--today', '2026-05-01', '--max-warnings', '0'], dir);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /more than --max-warnings 0/);
    assert.equal(runOkr(['check', '--today', '2026-05-01', '--max-warnings', '10'], dir).code, 0);
    assert.equal(runOkr(['check', '--max-warnings', 'many'], dir).code, 2);
  });
});
