/**
 * ISO/IEC 27001:2022 Annex A: the controls that matter for cloud infrastructure (ids and short
 * titles only), each mapped to the concern ids of the shared responsibility model. The ISMS
 * statement of applicability (isms/controls.ts) is built on it; a finding names the controls of its
 * rule's concern.
 */
import type { ConcernId } from './concerns';

export interface AnnexAControl {
  id: string;
  title: string;
  concerns: ConcernId[];
}

export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = [
  { id: '5.9', title: 'Inventory of information and other associated assets', concerns: ['tagging'] },
  { id: '5.12', title: 'Classification of information', concerns: ['tagging'] },
  { id: '5.15', title: 'Access control', concerns: ['identity-access', 'network-access'] },
  { id: '5.17', title: 'Authentication information', concerns: ['credentials'] },
  { id: '5.18', title: 'Access rights', concerns: ['identity-access'] },
  { id: '5.23', title: 'Information security for use of cloud services', concerns: ['configuration'] },
  { id: '5.30', title: 'ICT readiness for business continuity', concerns: ['backup-dr', 'region-placement'] },
  { id: '7.1', title: 'Physical security perimeters', concerns: ['facilities'] },
  { id: '7.2', title: 'Physical entry', concerns: ['facilities'] },
  { id: '7.8', title: 'Equipment siting and protection', concerns: ['physical-hardware'] },
  { id: '7.11', title: 'Supporting utilities', concerns: ['facilities'] },
  { id: '7.12', title: 'Cabling security', concerns: ['network-infrastructure'] },
  { id: '7.13', title: 'Equipment maintenance', concerns: ['physical-hardware'] },
  { id: '7.14', title: 'Secure disposal or re-use of equipment', concerns: ['physical-hardware'] },
  { id: '8.2', title: 'Privileged access rights', concerns: ['identity-access'] },
  { id: '8.3', title: 'Information access restriction', concerns: ['identity-access'] },
  { id: '8.5', title: 'Secure authentication', concerns: ['credentials', 'identity-access'] },
  { id: '8.7', title: 'Protection against malware', concerns: ['machine-image', 'operating-system'] },
  {
    id: '8.8',
    title: 'Management of technical vulnerabilities',
    concerns: ['machine-image', 'operating-system', 'applications'],
  },
  { id: '8.9', title: 'Configuration management', concerns: ['configuration'] },
  { id: '8.13', title: 'Information backup', concerns: ['backup-dr'] },
  { id: '8.14', title: 'Redundancy of information processing facilities', concerns: ['region-placement'] },
  { id: '8.15', title: 'Logging', concerns: ['logging-monitoring'] },
  { id: '8.16', title: 'Monitoring activities', concerns: ['logging-monitoring'] },
  { id: '8.20', title: 'Networks security', concerns: ['network-access'] },
  { id: '8.21', title: 'Security of network services', concerns: ['network-infrastructure', 'data-in-transit'] },
  { id: '8.22', title: 'Segregation of networks', concerns: ['network-access', 'virtualization'] },
  { id: '8.24', title: 'Use of cryptography', concerns: ['data-at-rest', 'data-in-transit'] },
];

/** The Annex A controls a concern belongs to, in table order. */
export function annexAControlsFor(concern: string): readonly AnnexAControl[] {
  return ANNEX_A_CONTROLS.filter((c) => (c.concerns as readonly string[]).includes(concern));
}

/** A control by its id (`8.24`). */
export function annexAControl(id: string): AnnexAControl | undefined {
  return ANNEX_A_CONTROLS.find((c) => c.id === id.trim());
}
