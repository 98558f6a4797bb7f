/**
 * W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/): the compressed bitstring
 * ({@link dev.microcred.credentials.status.StatusList}), the unsigned status list credential an issuer publishes
 * ({@link dev.microcred.credentials.status.StatusListCredential}), the {@code credentialStatus} entries of a
 * credential ({@link dev.microcred.credentials.status.StatusEntry}), the verifier's status check
 * ({@link dev.microcred.credentials.status.StatusCheck}) and random index allocation
 * ({@link dev.microcred.credentials.status.StatusIndexAllocator}). Legacy {@code StatusList2021} entries and
 * lists are read too.
 */
package dev.microcred.credentials.status;
