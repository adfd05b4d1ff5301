/**
 * Built-in chain templates: the segments of each industry from 上游 to 下游 and the flows
 * between them. A dataset's chain refers to one by `template` id.
 *
 * Every template summarises public industry knowledge (`basis: 'inferred'`); input
 * coefficients and value shares are rough estimates (`basis: 'estimated'`), explained in each
 * template's `note`.
 */
import type { ChainTemplate } from '../model/schema.js';
import { agriFood } from './agri-food.js';
import { biopharma } from './biopharma.js';
import { coalChemical } from './coal-chemical.js';
import { coalMiningMachinery } from './coal-mining-machinery.js';
import { copperMaterials } from './copper-materials.js';
import { energyStorage } from './energy-storage.js';
import { fineChemical } from './fine-chemical.js';
import { greenBuildingMaterials } from './green-building-materials.js';
import { hydrogen } from './hydrogen.js';
import { intelligentEquipment } from './intelligent-equipment.js';
import { logistics } from './logistics.js';
import { newEnergyVehicle } from './new-energy-vehicle.js';
import { petrochemical } from './petrochemical.js';
import { photovoltaic } from './photovoltaic.js';
import { smartGrid } from './smart-grid.js';
import { solarThermal } from './solar-thermal.js';
import { windPower } from './wind-power.js';
import { woodFurniture } from './wood-furniture.js';

export {
  agriFood,
  biopharma,
  coalChemical,
  coalMiningMachinery,
  copperMaterials,
  energyStorage,
  fineChemical,
  greenBuildingMaterials,
  hydrogen,
  intelligentEquipment,
  logistics,
  newEnergyVehicle,
  petrochemical,
  photovoltaic,
  smartGrid,
  solarThermal,
  windPower,
  woodFurniture,
};

/**
 * Every built-in chain template, in a fixed order: the six new-energy equipment chains
 * (风电, 光伏, 光热, 储能, 氢能, 智慧电网), the three chemical chains (石油化工, 煤化工, 精细化工),
 * then new-energy vehicles, copper-based materials, green building materials, intelligent
 * equipment and coal-mining machinery, then the chains added for 武威: agricultural products
 * and food, wood processing and furniture, biomedicine, and logistics (a service chain).
 */
export const chainTemplates: readonly ChainTemplate[] = [
  windPower,
  photovoltaic,
  solarThermal,
  energyStorage,
  hydrogen,
  smartGrid,
  petrochemical,
  coalChemical,
  fineChemical,
  newEnergyVehicle,
  copperMaterials,
  greenBuildingMaterials,
  intelligentEquipment,
  coalMiningMachinery,
  agriFood,
  woodFurniture,
  biopharma,
  logistics,
];

const byId = new Map(chainTemplates.map((template) => [template.id, template]));

/**
 * Looks up a built-in chain template by its id.
 *
 * @param id - the template id, e.g. `'wind-power'`
 * @returns the template, or `undefined` when no built-in template has that id
 *
 * @example
 * const wind = getChainTemplate('wind-power');
 * wind?.segments.find((s) => s.aliases?.includes('叶片'))?.id; // 'blades'
 * getChainTemplate('unknown'); // undefined
 */
export function getChainTemplate(id: string): ChainTemplate | undefined {
  return byId.get(id);
}
