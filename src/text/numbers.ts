/** A count as the catalogue writes it in both languages: 1234567 as 1,234,567 (toLocaleString would load ICU at every start). */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
