/**
 * Child process of the kill-during-save test: saves the two variants of the big dataset to the
 * target in turn, forever, printing a line after each save, until it is killed.
 * Usage: node --import tsx test/safety/save-loop.ts <target> (a .json path or a folder ending in /)
 */
import { saveDataset } from '../../src/node.js';
import { bigDataset } from './big-dataset.js';

const target = process.argv[2]!;
const variants = [bigDataset('B'), bigDataset('A')];
for (let k = 0; ; k++) {
  await saveDataset(variants[k % 2]!, target);
  process.stdout.write(`saved ${k}\n`);
}
