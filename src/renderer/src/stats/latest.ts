// Answers to older requests are dropped: each request takes a ticket, and only the latest ticket's
// answer (or error) is shown.

export function ticketCounter(): () => () => boolean {
  let latest = 0
  return () => {
    const mine = ++latest
    return () => mine === latest
  }
}
