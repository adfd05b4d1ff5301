#!/usr/bin/env bash
# Checks the built package as it is published: publint and attw on it, then the packed tarball
# installed into a fresh project and used from ESM, CommonJS and TypeScript (NodeNext), and its
# `industrial-chain` executable. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf -- '\n--- %s\n' "$*"; }
fail() { echo "check-package: $*" >&2; exit 1; }

for f in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/node.js dist/node.cjs dist/reference.js dist/reference.cjs dist/reference.d.ts dist/reference.d.cts dist/cli.js; do
  [ -f "$f" ] || fail "$f is missing: run npm run build first"
done

step "publint --strict"
# dist/ is built: packing here must not run the prepare script (a rebuild per pack)
publint_out=$(npm_config_ignore_scripts=true npx --no -- publint --strict 2>&1) || { echo "$publint_out"; fail "publint reported errors"; }
echo "$publint_out"
# --strict fails on errors and warnings; suggestions only print, so fail on them here
grep -q "All good" <<<"$publint_out" || fail "publint reported problems"

step "attw --pack . (every profile: node10 through typesVersions, node16 CJS and ESM, bundler)"
npm_config_ignore_scripts=true npx --no -- attw --pack .

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

step "npm pack"
mkdir "$WORK/pack"
npm pack --ignore-scripts --pack-destination "$WORK/pack" --loglevel=warn >/dev/null
TARBALL=$(ls "$WORK"/pack/*.tgz)
echo "$TARBALL"
listing=$(tar -tzf "$TARBALL")
for f in package/package.json package/dist/index.js package/dist/index.cjs package/dist/node.js package/dist/reference.js package/dist/reference.cjs package/dist/cli.js package/seeds/jiuquan.json; do
  grep -qx "$f" <<<"$listing" || fail "$f is not in the tarball"
done
if grep -qE '^package/(src|test|scripts|node_modules)/' <<<"$listing"; then fail "the tarball holds sources or tests"; fi
echo "$(wc -l <<<"$listing") files"

step "install the tarball in a fresh project"
APP="$WORK/app"
mkdir "$APP"
cat >"$APP/package.json" <<'JSON'
{ "name": "industrial-chain-consumer", "version": "0.0.0", "private": true }
JSON
(cd "$APP" && npm install "$TARBALL" --no-audit --no-fund)

# a dataset for loadDataset: the first seed, else a tiny one
seed=$(find "$ROOT/seeds" -maxdepth 1 -name '*.json' 2>/dev/null | sort | head -n 1)
if [ -n "$seed" ]; then
  echo "dataset: seeds/$(basename "$seed")"
  cp "$seed" "$APP/dataset.json"
else
  echo "dataset: no seeds/*.json, using a tiny dataset"
  cat >"$APP/dataset.json" <<'JSON'
{ "meta": { "id": "tiny", "name": "小数据集" }, "regions": [{ "id": "r", "name": "酒泉市", "kind": "city" }],
  "chains": [{ "id": "wind", "name": "风电", "segments": [{ "id": "blade", "name": "叶片", "stage": "中游" }] }] }
JSON
fi

cat >"$APP/consumer.mjs" <<'JS'
import assert from 'node:assert/strict';
import { DatasetError, parseDataset, safeParseDataset } from 'industrial-chain';
import { loadDataset, loadSeed } from 'industrial-chain/node';
import { findReferenceFirm, referenceFirmsFor } from 'industrial-chain/reference';

const seed = await loadSeed('jiuquan');
assert.ok(seed.chains.length > 0, 'loadSeed finds the seeds shipped in the package');
const tiny = {
  meta: { id: 'tiny', name: '小数据集' },
  regions: [{ id: 'jq', name: '酒泉市', kind: '市' }],
  chains: [],
  enterprises: [{ id: 'jiuding', name: '九鼎风电叶片', region: 'jq' }],
  links: [{ from: 'jiuding', to: 'ghost' }],
};
const result = safeParseDataset(tiny, { locale: 'en' });
assert.equal(result.success, false);
assert.deepEqual(result.issues.map((i) => `${i.path}: ${i.message}`), ['links[0].to: unknown enterprise "ghost"']);
assert.throws(() => parseDataset(tiny), (e) => e instanceof DatasetError && e.issues[0].path === 'links[0].to');
assert.equal(findReferenceFirm('弗迪電池').group, 'byd');
assert.ok(referenceFirmsFor('wind-power', 'bearings').length >= 3);
const parsed = parseDataset({ ...tiny, links: [] });
assert.equal(parsed.regions[0].kind, 'city');
assert.equal(parsed.enterprises[0].status, 'operating');

const data = await loadDataset('./dataset.json');
assert.ok(data.meta.id.length > 0 && data.chains.length > 0, 'the dataset has chains');
console.log(`esm: ok (${data.meta.id}: ${data.chains.length} chain(s), ${data.enterprises.length} enterprise(s))`);
JS

cat >"$APP/consumer.cjs" <<'JS'
const assert = require('node:assert/strict');
const { DatasetError, parseDataset, safeParseDataset } = require('industrial-chain');
const { loadDataset, loadSeed } = require('industrial-chain/node');
const { findReferenceFirm } = require('industrial-chain/reference');

const tiny = {
  meta: { id: 'tiny', name: '小数据集' },
  regions: [{ id: 'jq', name: '酒泉市', kind: '市' }],
  chains: [],
  enterprises: [{ id: 'jiuding', name: '九鼎风电叶片', region: 'jq' }],
  links: [{ from: 'jiuding', to: 'ghost' }],
};
const result = safeParseDataset(tiny, { locale: 'en' });
assert.equal(result.success, false);
assert.deepEqual(result.issues.map((i) => `${i.path}: ${i.message}`), ['links[0].to: unknown enterprise "ghost"']);
assert.throws(() => parseDataset(tiny), (e) => e instanceof DatasetError && e.issues[0].path === 'links[0].to');
assert.equal(parseDataset({ ...tiny, links: [] }).regions[0].kind, 'city');
assert.equal(findReferenceFirm('宁德时代').firm, 'catl');

loadSeed('linfen').then((seed) => assert.ok(seed.chains.length > 0, 'loadSeed from CommonJS')).then(() => loadDataset('./dataset.json')).then((data) => {
  assert.ok(data.meta.id.length > 0 && data.chains.length > 0, 'the dataset has chains');
  console.log(`cjs: ok (${data.meta.id}: ${data.chains.length} chain(s), ${data.enterprises.length} enterprise(s))`);
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
JS

step "ESM consumer: node consumer.mjs"
(cd "$APP" && node consumer.mjs)
step "CJS consumer: node consumer.cjs"
(cd "$APP" && node consumer.cjs)

step "TypeScript consumer: tsc --noEmit (module NodeNext) on consumer.mts and consumer.cts"
cat >"$APP/consumer.mts" <<'TS'
import { formatIssue, parseDataset, safeParseDataset } from 'industrial-chain';
import type { Dataset, DatasetInput, DatasetIssue, IssueCode, SafeParseResult } from 'industrial-chain';
import { loadDataset } from 'industrial-chain/node';
import { findReferenceFirm } from 'industrial-chain/reference';
import type { ReferenceFirm, ReferenceMatch } from 'industrial-chain/reference';

const match: ReferenceMatch = findReferenceFirm('宁德时代');
const firms: ReferenceFirm[] = [];
console.log(match.status, firms.length);
const input: DatasetInput = { meta: { id: 'tiny', name: '小数据集' }, regions: [], chains: [] };
const result: SafeParseResult = safeParseDataset(input, { locale: 'en' });
if (!result.success) {
  const issues: DatasetIssue[] = result.issues;
  const codes: IssueCode[] = issues.map((issue) => issue.code);
  const lines: string[] = issues.map((issue) => formatIssue(issue));
  console.log(codes, lines);
}
const data: Dataset = parseDataset(input);
const chainIds: string[] = data.chains.map((chain) => chain.id);
const loaded: Dataset = await loadDataset('./dataset.json');
// @ts-expect-error the types are real, not any: chains is an array
const wrong: number = data.chains;
// @ts-expect-error an unknown locale is rejected
safeParseDataset(input, { locale: 'fr' });
console.log(chainIds, loaded, wrong);
TS
cat >"$APP/consumer.cts" <<'TS'
import chain = require('industrial-chain');
import node = require('industrial-chain/node');

const data: chain.Dataset = chain.parseDataset({ meta: { id: 'tiny', name: '小数据集' }, regions: [], chains: [] });
const issue: chain.DatasetIssue | undefined = undefined;
const loaded: Promise<chain.Dataset> = node.loadDataset('./dataset.json');
// @ts-expect-error the types are real, not any: chains is an array
const wrong: number = data.chains;
console.log(issue, loaded, wrong);
TS
cat >"$APP/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "typeRoots": ["$ROOT/node_modules/@types"],
    "types": ["node"]
  },
  "files": ["consumer.mts", "consumer.cts"]
}
JSON
(cd "$APP" && node "$ROOT/node_modules/typescript/bin/tsc" --version && node "$ROOT/node_modules/typescript/bin/tsc" -p tsconfig.json)
echo "types: ok"

step "the README's tour, type-checked (skipLibCheck off, timed) and run against the installed package"
awk '/^## A short tour/{tour=1} tour&&/^```ts$/{code=1;next} code&&/^```$/{exit} code{print}' "$ROOT/README.md" >"$APP/tour.mts"
[ -s "$APP/tour.mts" ] || fail "no TypeScript block under '## A short tour' in README.md"
mkdir -p "$APP/seeds" && cp "$ROOT/seeds/jiuquan.json" "$APP/seeds/"
cat >"$APP/tsconfig.tour.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "lib": ["ES2022"], "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "noEmit": true, "skipLibCheck": false,
    "typeRoots": ["$ROOT/node_modules/@types"], "types": ["node"]
  },
  "files": ["tour.mts"]
}
JSON
# CPU time is the figure to read on a shared machine; wall clock and load average for context
TIMEFORMAT="tour type-check: %U s user + %S s system CPU, %R s wall clock (load average $(cut -d' ' -f1 /proc/loadavg))"
time (cd "$APP" && node "$ROOT/node_modules/typescript/bin/tsc" -p tsconfig.tour.json)
unset TIMEFORMAT
(cd "$APP" && node "$ROOT/node_modules/tsx/dist/cli.mjs" tour.mts)
echo "tour: ok"

step "the installed executable: industrial-chain"
BIN="$APP/node_modules/.bin/industrial-chain"
expected_version=$(node -p 'require("./package.json").version')
actual_version=$("$BIN" --version)
[ "$actual_version" = "$expected_version" ] || fail "industrial-chain --version printed $actual_version, expected $expected_version"
echo "industrial-chain --version: $actual_version"
(cd "$APP" && LANG=en_US.UTF-8 LC_ALL= "$BIN" validate dataset.json)
expect_exit() {
  local want=$1; shift
  local got=0
  (cd "$APP" && LANG=en_US.UTF-8 LC_ALL= "$BIN" "$@" >"$WORK/out" 2>&1) || got=$?
  [ "$got" = "$want" ] || { cat "$WORK/out"; fail "industrial-chain $* exited $got, expected $want"; }
  if grep -qE '^\s+at ' "$WORK/out"; then cat "$WORK/out"; fail "industrial-chain $* printed a stack trace"; fi
  echo "industrial-chain $*: exit $got ($(tail -n 1 "$WORK/out"))"
}
echo '{"meta": {"id": "cut"' >"$APP/truncated.json"
expect_exit 1 validate missing.json
expect_exit 1 validate truncated.json
expect_exit 2 frobnicate

echo
echo "package checks: ok"
