/**
 * The whole directory: the firm tables of every template file in the order of the built-in
 * templates, and their gap records.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { coalChemicalFirms, coalChemicalGaps } from './coal-chemical.js';
import { coalMiningMachineryFirms, coalMiningMachineryGaps } from './coal-mining-machinery.js';
import { copperMaterialsFirms, copperMaterialsGaps } from './copper-materials.js';
import { energyStorageFirms, energyStorageGaps } from './energy-storage.js';
import { fineChemicalFirms, fineChemicalGaps } from './fine-chemical.js';
import { greenBuildingMaterialsFirms, greenBuildingMaterialsGaps } from './green-building-materials.js';
import { hydrogenFirms, hydrogenGaps } from './hydrogen.js';
import { intelligentEquipmentFirms, intelligentEquipmentGaps } from './intelligent-equipment.js';
import { newEnergyVehicleFirms, newEnergyVehicleGaps } from './new-energy-vehicle.js';
import { petrochemicalFirms, petrochemicalGaps } from './petrochemical.js';
import { photovoltaicFirms, photovoltaicGaps } from './photovoltaic.js';
import { smartGridFirms, smartGridGaps } from './smart-grid.js';
import { solarThermalFirms, solarThermalGaps } from './solar-thermal.js';
import { windPowerFirms, windPowerGaps } from './wind-power.js';

/**
 * Every firm of the directory.
 *
 * @example
 * directoryFirms.find((f) => f.id === 'catl')?.name; // '宁德时代新能源科技股份有限公司'
 */
export const directoryFirms: readonly ReferenceFirm[] = [
  ...windPowerFirms,
  ...photovoltaicFirms,
  ...solarThermalFirms,
  ...energyStorageFirms,
  ...hydrogenFirms,
  ...smartGridFirms,
  ...petrochemicalFirms,
  ...coalChemicalFirms,
  ...fineChemicalFirms,
  ...newEnergyVehicleFirms,
  ...copperMaterialsFirms,
  ...greenBuildingMaterialsFirms,
  ...intelligentEquipmentFirms,
  ...coalMiningMachineryFirms,
];

/**
 * Every gap record of the directory.
 *
 * @example
 * directoryGaps.filter((g) => g.template === 'wind-power').length;
 */
export const directoryGaps: readonly ReferenceGap[] = [
  ...windPowerGaps,
  ...photovoltaicGaps,
  ...solarThermalGaps,
  ...energyStorageGaps,
  ...hydrogenGaps,
  ...smartGridGaps,
  ...petrochemicalGaps,
  ...coalChemicalGaps,
  ...fineChemicalGaps,
  ...newEnergyVehicleGaps,
  ...copperMaterialsGaps,
  ...greenBuildingMaterialsGaps,
  ...intelligentEquipmentGaps,
  ...coalMiningMachineryGaps,
];
