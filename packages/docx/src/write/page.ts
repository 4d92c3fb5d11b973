import { AlignmentType, DocumentGridType, Footer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx'
import {
  footerDistance,
  gridCharSpace,
  headerDistance,
  linePitch,
  marginBottom,
  marginLeft,
  marginRight,
  marginTop,
  pageHeight,
  pageNumberInset,
  pageWidth,
} from './layout.ts'
import { styleIds } from './styles.ts'

/** A page number as GB/T 9704 writes it: `— 1 —`, the number between two dashes (一字线), on one side. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: pageNumberInset } : { left: pageNumberInset },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })
}

/**
 * The page of a summary, for a `docx` section: A4 with the margins of GB/T 9704 (text block
 * 156 × 225 mm, 37 mm from the top and 28 mm from the left), a grid of 22 lines of 28 characters, and
 * the page number in the footers, odd pages right and even pages left, one character in (单页码居右空一字，
 * 双页码居左空一字; the document's settings turn separate even footers on).
 */
export function summaryPage(): Omit<ISectionOptions, 'children'> {
  return {
    properties: {
      page: {
        size: { width: pageWidth, height: pageHeight, orientation: PageOrientation.PORTRAIT },
        margin: { top: marginTop, right: marginRight, bottom: marginBottom, left: marginLeft, header: headerDistance, footer: footerDistance, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace: gridCharSpace },
    },
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
  }
}
