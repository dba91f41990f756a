/**
 * The service's detail tables put the label in the row's header cell (th scope=row) and the
 * value in the cell beside it: a row is found by its header's accessible name, exactly, so
 * 「ローマ字氏名」 never matches 「氏名」.
 */
import type { Locator } from '@playwright/test';

/** The value cell(s) of the row of `table` headed exactly `header`. */
export function cellsOfRow(table: Locator, header: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) })
    .getByRole('cell');
}
