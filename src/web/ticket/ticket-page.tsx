export default function TicketPage(_props: { code: string }) { return null; }
