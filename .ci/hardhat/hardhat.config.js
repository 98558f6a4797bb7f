// The local node of the EVM anchoring tests (.ci/hardhat.sh): chain id 31337, automining, the public dev accounts.
module.exports = { networks: { hardhat: { chainId: 31337 } } };
