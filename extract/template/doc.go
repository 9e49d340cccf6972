// Package template codes the tables of a report against the two national
// templates (国办公开办函〔2019〕60号 and 〔2021〕30号): it finds the
// proactive, requests and review_litigation tables in a document.Document
// and gives every value its row and column code of SCHEMA.md.
//
// How it reads a table:
//
//   - Sections: headings (二、主动公开政府信息情况, 三、收到和处理…, 四、…行政复议、
//     行政诉讼…) and header rows only one table has (信息内容, 自然人 +
//     商业企业, 结果维持) assign each table row to a part. A table with no such
//     sign continues the part before it (a table broken by a page) unless its
//     row labels plainly belong to another part (reports without headings).
//     Inside a part, a short paragraph laid out in columns (pdftotext -layout,
//     a wrapped label on a line of its own) is read as a row.
//   - Rows: each row's label is built from all its text cells, rowspan copies
//     included, so a child (1.属于国家秘密) carries its parent (（三）不予公开).
//     Labels are normalised (numbering, punctuation, spaces, Latin letters
//     and markup dropped; OCR confusables such as Ξ→三, =→二, 増→增 mapped)
//     and compared by character bigrams with every expected row. A monotone
//     alignment (dynamic programming) of the rows found to the template's
//     rows in their fixed order then decides: expected rows may be missing,
//     found rows may be junk, and up to three consecutive lines may form one
//     row (a label broken over lines; the values are taken from the line that
//     carries them, the first if several do).
//   - Columns: values are the cells right of the label. A row with exactly
//     the expected number of values is read in order. Otherwise the grid
//     columns named by the header rows (自然人…总计; 本年新制作数量…) place
//     them (a proactive header naming only some columns leaves the others
//     blank); trailing blanks are dropped; numbers left of the values are label
//     debris. An OCR row one value short is placed by the identities of
//     SCHEMA.md (requests: row total and column balance; review_litigation:
//     group totals) and always flagged. review_litigation is read, in this
//     order, by the header cells above each value's grid column (group ×
//     outcome, so a table printing some groups only still reads), as one
//     labelled row per group, as one labelled row per outcome, or as fifteen
//     values in order over one or more rows (5 + 10, headers in between).
//   - Values: integers, signs, decimals, thousands separators (1,234 and
//     1，234), full-width digits, measure words (件), units (元 → ÷10000 into
//     万元, done on the decimal text so no rounding creeps in; 万元 kept; the
//     unit may be in the cell, in the next cell, or in the column header), and
//     OCR's U/O/o/D/〇 for 0, changes in words (增加14, 减少2, 持平). Blank
//     cells and the marks publishers use for "nothing" (—, -, /, 无) are
//     blank: null, never 0. In text (format "text": OCR tabs, layout
//     columns) an empty field is a blank when the row's values sit in the
//     columns the header names (the field's position says which cell);
//     a row whose values are consecutive and one short is ambiguous (a
//     lost tab slides them alike) and is placed by the identities, unless
//     its printed total already adds up (layout text, read by position,
//     has no lost tabs: Meta layout_tables). A row set one to three fields
//     off the header is placed under the one shift that fits it, and a
//     requests part without a header (continued after a page break) is
//     read under the previous part's header the same way. A text row
//     printing a label and nothing else is a row of blanks (null cells)
//     when its label names the row well (else it is a wrapped label's
//     tail); a text review row keeps its empty fields as blanks.
//
// The template is told by words only one of them prints (2021: 本年制发件数,
// 逾期不补正…; 2019: 本年新制作数量, 政府集中采购…), by the year only when the
// labels are silent. A 2021 report printing a single （六）其他处理 row gets
// other_handling and no other_* rows.
//
// Issue rules raised here (SCHEMA.md leaves their names to the project):
//
//   - table_missing (error for requests, warn for the others): the table was
//     not found.
//   - cell_unreadable (warn): a value cell that cannot be read as a number;
//     stored as null.
//   - cell_missing (warn): a row with fewer values than columns; the message
//     names the cell taken as missing and whether its value was inferred
//     from the identities.
//   - row_conflict (warn): a label broken over lines where two lines carry
//     different values; the first is kept.
//   - count_not_integer (warn): a count printed with a fraction; stored as
//     printed.
//   - extra_values (warn): more values than the table has cells; the first
//     are kept.
package template
