/**
 * Age in whole years on a day, from a birth date (both `YYYY-MM-DD`): the birthday itself counts; someone born on
 * 29 February turns a year older on 1 March in other years. Undefined without a birth date.
 */
export function ageOn(birthDate: string | undefined, today: string): number | undefined {
  if (!birthDate || birthDate > today) return undefined;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
