import { Portal } from '@mantine/core';
import type { OfficialDocument } from '../rules';
import classes from './documents.module.css';

/**
 * The draft on paper, for the 审签 before it is issued: only this sheet prints while the dialog
 * is open (the app and the dialog are hidden), on A4 with the 公文 margins (GB/T 9704), in the
 * Word file's order — title, 文号, addressee, the record's items, the body, 落款 and date.
 */
export function PrintSheet({ document: d }: { document: OfficialDocument }) {
  // Its own node (not the one the dialog shares), so the print stylesheet can hide the dialog.
  return (
    <Portal reuseTargetNode={false}>
      <div className={classes.printSheet} data-document-print lang="zh-CN">
        <h1 className={classes.printTitle}>{d.title}</h1>
        <p className={classes.printDocNo}>{d.docNo}</p>
        {d.addressee && <p className={classes.printLine}>{d.addressee}</p>}
        {d.fields.length > 0 && (
          <table className={classes.printFields}>
            <tbody>
              {d.fields.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td>{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.paragraphs.map((p, i) => (
          <p key={i} className={classes.printParagraph}>
            {p}
          </p>
        ))}
        <p className={`${classes.printSignature} ${classes.printSeal}`}>{d.organisation}</p>
        <p className={classes.printSignature}>{d.date}</p>
      </div>
    </Portal>
  );
}
