/**
 * Every run of whitespace as one space, as `s.replace(/\s+/g, ' ')` gives, but without a match per single
 * space: a rationale of a megabyte has half a million of them, and replacing each with itself allocated
 * tens of megabytes a lint (the garbage collector then made 1 MB letters grow faster than linearly).
 */
export function collapseSpace(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ');
}
