import { Link } from "react-router";
import type { InvoiceListItemFragment } from "../../../gql/graphql";
import { formatDay, formatMoney } from "../../../shared/money";
import { InvoiceStatusBadge } from "../shared/InvoiceStatusBadge";

export function InvoicesTable({ invoices }: { invoices: InvoiceListItemFragment[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Invoices, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Contact</th>
            <th scope="col">Status</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="numeric">
              Total
            </th>
            <th scope="col" className="numeric">
              Amount due
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id} data-testid={`invoice-row-${invoice.number}`}>
              <th scope="row">
                <Link to={`/admin/invoices/${invoice.id}`}>#{invoice.number}</Link>
              </th>
              <td data-label="Contact">{invoice.contact.name}</td>
              <td data-label="Status">
                <InvoiceStatusBadge status={invoice.status} />
              </td>
              <td data-label="Issued">{formatDay(invoice.issueDate)}</td>
              <td data-label="Due">{formatDay(invoice.dueDate)}</td>
              <td data-label="Total" className="numeric">
                {formatMoney(invoice.total, invoice.currency)}
              </td>
              <td data-label="Amount due" className="numeric">
                {formatMoney(invoice.amountDue, invoice.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
