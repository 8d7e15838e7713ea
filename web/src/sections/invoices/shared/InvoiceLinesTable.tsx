import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { bpsToPercent, formatMoney } from "../../../shared/money";

/** Line items and totals of a saved invoice, as the client and staff both see them. */
export function InvoiceLinesTable({ invoice }: { invoice: InvoiceDetailFragment }) {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  return (
    <div className="table-scroll">
      <table className="table invoice-lines">
        <caption className="visually-hidden">Line items of invoice #{invoice.number}</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
            <th scope="col" className="numeric">
              Unit price
            </th>
            <th scope="col" className="numeric">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            <tr key={index}>
              <td>{line.description}</td>
              <td data-label="Quantity" className="numeric">
                {line.quantity}
              </td>
              <td data-label="Unit price" className="numeric">
                {money(line.unitPrice)}
              </td>
              <td data-label="Amount" className="numeric">
                {money(line.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals" aria-label="Totals">
        <dt>Subtotal</dt>
        <dd>{money(invoice.subtotal)}</dd>
        {invoice.discount > 0 && (
          <>
            <dt>Discount</dt>
            <dd>−{money(invoice.discount)}</dd>
          </>
        )}
        {invoice.taxRateBps ? (
          <>
            <dt>Tax ({bpsToPercent(invoice.taxRateBps)} %)</dt>
            <dd>{money(invoice.tax)}</dd>
          </>
        ) : null}
        <dt className="totals-strong">Total</dt>
        <dd className="totals-strong" data-testid="invoice-total">
          {money(invoice.total)}
        </dd>
        {invoice.amountPaid > 0 && (
          <>
            <dt>Paid</dt>
            <dd>{money(invoice.amountPaid)}</dd>
          </>
        )}
        {invoice.amountRefunded > 0 && (
          <>
            <dt>Refunded</dt>
            <dd>{money(invoice.amountRefunded)}</dd>
          </>
        )}
        {invoice.amountDue > 0 && (
          <>
            <dt className="totals-strong">Amount due</dt>
            <dd className="totals-strong" data-testid="amount-due">
              {money(invoice.amountDue)}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
