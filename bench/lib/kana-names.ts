import type { SeededRandom } from '../../core/demo/random';

const SYLLABLES = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜ'.split('');

/** A distinct kana name per member: its index written in syllables, then a random tail. */
export function memberName(index: number, random: SeededRandom): string {
  let name = '';
  let n = index;
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  for (let i = 0; i < 4; i++) name += random.pick(SYLLABLES);
  return name;
}
