// The local node of the EVM anchoring tests (.ci/hardhat.sh): chain id 31337, automining, the public dev accounts.
// A failing transaction is mined with status 0 and its hash returned, as a public node does (Hardhat's default is
// to answer eth_sendRawTransaction with an error).
module.exports = {
  networks: { hardhat: { chainId: 31337, throwOnTransactionFailures: false, throwOnCallFailures: true } },
};
