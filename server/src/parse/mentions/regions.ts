// The body regions a request or a narrative sentence names, in one vocabulary for item titles and
// treatment mentions (so "the lumbar item" and "lumbar physical therapy" in the summary agree).
const REGIONS = [
  'cervical', 'neck', 'thoracic', 'lumbar', 'low back', 'lower back', 'lumbosacral', 'sacroiliac', 'shoulder',
  'elbow', 'wrist', 'hand', 'finger', 'thumb', 'hip', 'knee', 'ankle', 'foot', 'feet', 'spine', 'back', 'head',
];
const REGION_RE = new RegExp(`\\b(${REGIONS.join('|')})s?\\b`, 'gi');

export function bodyRegionsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(REGION_RE)) out.add(m[1].toLowerCase());
  return [...out];
}
