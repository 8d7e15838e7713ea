/**
 * Offers and orders are priced like invoices: integer minor units of an ISO 4217 currency, formatted
 * and parsed by the one money module of the app, so an order reads like the invoice it resembles.
 */
export { currencyDigits, formatMoney, minorToInput, parseMoney } from "../../../shared/money";
