// The follow-up as it travels in a link and in an exported file: only known fields with valid values, within limits.
import { expect } from '@open-wc/testing';
import {
  cleanFollowUp,
  FILE_FORMAT,
  followUpFile,
  MAX_FILE_BYTES,
  MAX_REVIEWS,
  readFollowUpFile,
  type FollowUpData,
} from '../../src/element/follow-up-data.js';

const full: FollowUpData = {
  contractDate: '2024-09-15',
  option: '1-etp',
  initial: { patienteleMT: 900, fileActive: 1300 },
  objective: { patienteleMT: 1000, fileActive: 1400 },
  reviews: [
    { date: '2025-03-15', patienteleMT: 920, fileActive: 1320 },
    { date: '2025-09-15', patienteleMT: 950 },
  ],
};

describe('follow-up data', () => {
  it('round-trips through its file, which says what it is and stays small', () => {
    const text = followUpFile(full);
    expect(JSON.parse(text).format).to.equal(FILE_FORMAT);
    expect(text.length).to.be.below(1024);
    expect(readFollowUpFile(text)).to.deep.equal({ data: full, dropped: [] });
  });

  it('keeps only known fields with valid values, and lists what it dropped', () => {
    const r = cleanFollowUp({
      contractDate: '2024-02-30',
      option: '2-etp',
      initial: { patienteleMT: 900.5, fileActive: '1300', extra: 1 },
      objective: { patienteleMT: 100_001, fileActive: 1400 },
      reviews: [{ date: '2025-03-15', patienteleMT: 920 }, { date: 'hier', patienteleMT: 1 }, { date: '2025-09-15' }, 'x', null],
      __proto__: { polluted: true },
      notes: 'x',
    })!;
    expect(r.data).to.deep.equal({ initial: {}, objective: { fileActive: 1400 }, reviews: [{ date: '2025-03-15', patienteleMT: 920 }] });
    expect(r.dropped).to.have.members([
      'contractDate',
      'option',
      'initial.patienteleMT',
      'initial.fileActive',
      'initial.extra',
      'objective.patienteleMT',
      'reviews[1]',
      'reviews[2]',
      'reviews[3]',
      'reviews[4]',
      'notes',
    ]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('reads at most 10 reviews, in date order; nothing usable is null', () => {
    const reviews = Array.from({ length: 14 }, (_, i) => ({ date: `2025-${String(12 - (i % 12)).padStart(2, '0')}-01`, fileActive: i }));
    const r = cleanFollowUp({ reviews })!;
    expect(r.data.reviews).to.have.length(MAX_REVIEWS);
    expect(r.data.reviews.map((x) => x.date)).to.deep.equal([...r.data.reviews.map((x) => x.date)].sort());
    expect(r.dropped).to.deep.equal(['reviews[10]', 'reviews[11]', 'reviews[12]', 'reviews[13]']);
    for (const nothing of [null, 'x', 42, [], {}, { reviews: [] }, { initial: { patienteleMT: -1 } }])
      expect(cleanFollowUp(nothing)).to.equal(null);
  });

  it('refuses a file too large, not JSON, of another kind or empty, and never throws', () => {
    expect(readFollowUpFile('x'.repeat(MAX_FILE_BYTES + 1))).to.deep.equal({ problem: 'size' });
    expect(readFollowUpFile('{')).to.deep.equal({ problem: 'json' });
    expect(readFollowUpFile('[]')).to.deep.equal({ problem: 'format' });
    expect(readFollowUpFile('"suivi"')).to.deep.equal({ problem: 'format' });
    expect(readFollowUpFile(JSON.stringify({ format: 'autre', ...full }))).to.deep.equal({ problem: 'format' });
    expect(readFollowUpFile(JSON.stringify({ format: FILE_FORMAT, version: 1 }))).to.deep.equal({ problem: 'empty' });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(readFollowUpFile(deep)).to.deep.equal({ problem: 'format' });
  });
});
