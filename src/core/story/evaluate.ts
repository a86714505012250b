/**
 * Clustering quality against gold labels.
 *
 * BCubed precision / recall / F1 (Bagga & Baldwin 1998; Amigó et al., "A comparison of extrinsic clustering
 * evaluation metrics based on formal constraints", Information Retrieval 12(4), 2009): for each item, precision is
 * the share of its predicted cluster that shares its gold label, recall the share of its gold class that shares its
 * predicted cluster; both averaged over items. Pairwise P/R/F1 count item pairs; NMI (arithmetic-mean normalisation,
 * as scikit-learn's default) and the Adjusted Rand Index (Hubert & Arabie 1985) complete the usual set.
 */

export interface ClusterScores {
  items: number;
  goldClusters: number;
  predictedClusters: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  nmi: number;
  ari: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number): number => (n * (n - 1)) / 2;

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/**
 * Scores `predicted` (item → cluster id) against `gold` (item → label) over the items of `gold`; a gold item
 * missing from `predicted` counts as a singleton cluster. Returns all metrics in 0..1 (rounded to 4 decimals).
 */
export function scoreClustering(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): ClusterScores {
  const items = [...gold.keys()];
  const pred = new Map(items.map((i) => [i, predicted.get(i) ?? `singleton:${i}`]));
  const joint = countBy(items.map((i) => `${pred.get(i)}\u0000${gold.get(i)}`));
  const predSize = countBy(pred.values());
  const goldSize = countBy(gold.values());
  let p = 0;
  let r = 0;
  for (const i of items) {
    const both = joint.get(`${pred.get(i)}\u0000${gold.get(i)}`)!;
    p += both / predSize.get(pred.get(i)!)!;
    r += both / goldSize.get(gold.get(i)!)!;
  }
  const n = items.length || 1;
  const tp = [...joint.values()].reduce((s, c) => s + pairs(c), 0);
  const predPairs = [...predSize.values()].reduce((s, c) => s + pairs(c), 0);
  const goldPairs = [...goldSize.values()].reduce((s, c) => s + pairs(c), 0);
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  // NMI = I(P;G) / mean(H(P), H(G)).
  const h = (sizes: Map<string, number>): number => [...sizes.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [pk, gk] = key.split('\u0000') as [string, string];
    mi += (c / n) * Math.log((c * n) / (predSize.get(pk)! * goldSize.get(gk)!));
  }
  const hMean = (h(predSize) + h(goldSize)) / 2;
  const nmi = hMean === 0 ? 1 : mi / hMean;
  const expected = (predPairs * goldPairs) / (pairs(n) || 1);
  const maxIndex = (predPairs + goldPairs) / 2;
  const ari = maxIndex === expected ? 1 : (tp - expected) / (maxIndex - expected);
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    items: items.length,
    goldClusters: goldSize.size,
    predictedClusters: predSize.size,
    bcubedPrecision: round(p / n),
    bcubedRecall: round(r / n),
    bcubedF1: round(f1(p / n, r / n)),
    pairwisePrecision: round(pp),
    pairwiseRecall: round(pr),
    pairwiseF1: round(f1(pp, pr)),
    nmi: round(nmi),
    ari: round(ari),
  };
}
