package accounts

// AccountsPerPage is the page size of the account list.
const AccountsPerPage = accountsPerPage
