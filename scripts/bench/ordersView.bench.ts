// The Orders view over a large workspace (issue 13): the tree built from 1,000 order files and a
// history of 10,000 records (10 an order), as the view builds it when it opens: the history
// listed (HistoryStore.listAll), each order's facts read (readOrderFacts, its file: CSR too), every
// node and item made. The records are in two folders of 5,000 (the global one and the workspace's,
// as with `certOrder.history.location: workspace`): a listing reads at most 5,000 entries a folder
// (DEFAULT_LISTING_LIMITS). The peer, in the same process: reading and JSON.parse-ing the same
// 11,000 files. Then one recorded submission added to the built tree (the store's event), beside
// building the tree again.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { recordFileName } from '../../common/src/protocol';
import { HistoryStore } from '../../client/src/history/store';
import { readOrderFacts } from '../../client/src/views/orderFacts';
import { itemView } from '../../client/src/views/ordersItems';
import { OrdersModel, type OrdersNode } from '../../client/src/views/ordersModel';
import { testRecord, type TestOutcome } from '../../test/unit/views/records';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const ORDERS = 1000;
const RECORDS_PER_ORDER = 10;
const PER_FOLDER = 100;
const OUTCOMES: TestOutcome[] = ['placed', 'refused', 'placed', 'not-sent', 'maybe-placed'];

interface Workspace {
  dir: string;
  orders: string;
  history: string[];
}

function generate(): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'cert-order-bench-view-'));
  const orders = path.join(dir, 'orders');
  const history = [path.join(dir, 'global-history'), path.join(dir, 'workspace-history')];
  for (const h of history) mkdirSync(h);
  const kinds = [
    'comodo-autoapplyssl.order.json',
    'comodo-inline-csr.order.json',
    'ssl2buy-sectigo-pac-enterprise.order.json',
  ].map((name) => JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as Record<string, unknown>);
  // A record holds the request as sent, CSR included: about the size of a real one.
  const csr = readFileSync(path.join(EXAMPLES, 'www.example.com.csr'), 'utf8');
  let n = 0;
  for (let i = 0; i < ORDERS; i++) {
    const folder = path.join(orders, `batch-${Math.floor(i / PER_FOLDER)}`);
    if (i % PER_FOLDER === 0) {
      mkdirSync(folder, { recursive: true });
      for (const name of ['www.example.com.csr', 'www.example.com-ec-p256.csr'])
        copyFileSync(path.join(EXAMPLES, name), path.join(folder, name));
    }
    const order = { ...kinds[i % kinds.length] };
    const file = path.join(folder, `order-${i}.order.json`);
    writeFileSync(file, JSON.stringify(order, null, 2));
    for (let r = 0; r < RECORDS_PER_ORDER; r++, n++) {
      const record = testRecord({
        id: `${n.toString(36)}-${i}-${r}`,
        orderFile: file,
        second: n,
        outcome: OUTCOMES[n % OUTCOMES.length],
        orderNumber: String(1_000_000 + n),
        environment: r === 0 ? 'production' : 'demo',
      });
      record.request.body += `&csr=${encodeURIComponent(csr)}`;
      writeFileSync(
        path.join(history[n % 2]!, recordFileName(record)),
        JSON.stringify(record, null, 2) + '\n',
      );
    }
  }
  return { dir, orders, history };
}

function orderFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.order.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The view's first build: history, facts, then every node and item as VS Code would ask. */
async function buildTree(ws: Workspace): Promise<{ model: OrdersModel; items: number; records: number }> {
  const store = new HistoryStore({ directoryFor: () => ws.history[0]!, directories: () => ws.history });
  const model = new OrdersModel();
  model.setFolders([{ name: 'orders', path: ws.orders }]);
  const [listed, files] = await Promise.all([store.listAll(), Promise.resolve(orderFiles(ws.orders))]);
  model.setHistory(listed.records, listed.files);
  for (let i = 0; i < files.length; i += 8)
    await Promise.all(
      files.slice(i, i + 8).map(async (f) => model.setOrder(f, await readOrderFacts(f, ws.orders))),
    );
  let items = 0;
  const walk = (nodes: OrdersNode[]): void => {
    for (const node of nodes) {
      itemView(model, node);
      items++;
      walk(model.children(node));
    }
  };
  walk(model.roots());
  return { model, items, records: listed.records.length };
}

/** The peer: every file read and parsed, eight at a time, nothing else. */
async function readAndParse(ws: Workspace): Promise<number> {
  const files = [
    ...ws.history.flatMap((h) => readdirSync(h).map((name) => path.join(h, name))),
    ...orderFiles(ws.orders),
  ];
  for (let i = 0; i < files.length; i += 8)
    await Promise.all(
      files.slice(i, i + 8).map(async (f) => JSON.parse(await readFile(f, 'utf8')) as unknown),
    );
  return files.length;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 0): number => Number(x.toFixed(digits));

export async function run(): Promise<Record<string, number | string>> {
  const ws = generate();
  try {
    const builds: number[] = [];
    const peers: number[] = [];
    let built: Awaited<ReturnType<typeof buildTree>> | undefined;
    // Alternated, three each, after one of each to warm the file cache and the JIT.
    await readAndParse(ws);
    await buildTree(ws);
    for (let i = 0; i < 3; i++) {
      const peer = await timed(() => readAndParse(ws));
      if (peer.value !== ORDERS * (RECORDS_PER_ORDER + 1)) throw new Error(`peer read ${peer.value} files`);
      peers.push(peer.ms);
      const build = await timed(() => buildTree(ws));
      if (build.value.records !== ORDERS * RECORDS_PER_ORDER)
        throw new Error(`the listing gave ${build.value.records} records`);
      builds.push(build.ms);
      built = build.value;
    }
    // One submission recorded: the event's record added, its order's item and children made again.
    const { model } = built!;
    const files = model.orderFiles();
    const updates = 200;
    const t0 = performance.now();
    for (let i = 0; i < updates; i++) {
      const file = files[i % files.length]!;
      model.addRecord({
        record: testRecord({ id: `new-${i}`, orderFile: file, second: 1e6 + i }),
        file: `/h/${i}.json`,
      });
      const node: OrdersNode = { kind: 'order', order: model.order(file)! };
      itemView(model, node);
      for (const child of model.children(node)) itemView(model, child);
    }
    const updateUs = ((performance.now() - t0) / updates) * 1000;
    const build = median(builds);
    const peer = median(peers);
    return {
      orders_view_build_1000_orders_10000_records_ms: round(build),
      orders_view_read_parse_same_files_ms: round(peer),
      orders_view_build_ratio: round(build / peer, 2),
      orders_view_tree_items: built!.items,
      orders_view_one_recorded_submission_us: round(updateUs, 1),
      orders_view_update_over_build: round(updateUs / 1000 / build, 6),
      targets: 'build ratio about 3 or less; a recorded submission well under 1 ms (no history re-read)',
    };
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}
