export const id = 127;
export const ids = [127];
export const modules = {

/***/ 7127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBundleVerifier: () => (/* binding */ createBundleVerifier)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4187);
/**
 * Sigstore bundles verified by the Sigstore project's own libraries (@sigstore/verify and
 * its siblings): the certificate chain to a Fulcio CA of the trusted root, its signed
 * certificate timestamps, the transparency-log entry and the signature itself; cosign's legacy
 * keyless signatures as message-signature bundles over their payload. Loaded with
 * import() only when a run meets a bundle, so a run that verifies nothing pays nothing.
 */



/**
 * A verifier for `trustedRoot` (trusted-root JSON). Without one, bundles cannot be checked
 * and each fails with the reason, which leaves its digest unsigned.
 */
function createBundleVerifier(trustedRoot) {
    if (trustedRoot === undefined) {
        return () => {
            throw new Error('a Sigstore bundle was found, but no trusted root is configured');
        };
    }
    let verifier;
    try {
        verifier = new _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .Verifier */ .BL((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toTrustMaterial */ .jO)(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(trustedRoot)));
    }
    catch (error) {
        const message = `the Sigstore trusted root is not usable (${error.message})`;
        return () => {
            throw new Error(message);
        };
    }
    return (json, artifact) => {
        const bundle = (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .bundleFromJSON */ .vw)(json);
        (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .assertBundle */ .DU)(bundle);
        if (artifact !== undefined) {
            if (!(0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .isBundleWithMessageSignature */ .QU)(bundle))
                throw new Error('a Sigstore bundle signs a DSSE statement, not the payload');
            return { ...identityOf(verifier.verify((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toSignedEntity */ .DC)(bundle, artifact))), payload: artifact };
        }
        if (!(0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .isBundleWithDsseEnvelope */ .Km)(bundle))
            throw new Error('a Sigstore bundle signs a message, not a DSSE statement');
        const signer = verifier.verify((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toSignedEntity */ .DC)(bundle));
        const envelope = bundle.content.dsseEnvelope;
        return {
            ...identityOf(signer),
            payloadType: envelope.payloadType,
            payload: Buffer.from(envelope.payload)
        };
    };
}
function identityOf(signer) {
    return {
        identity: signer.identity?.subjectAlternativeName,
        issuer: signer.identity?.extensions?.issuer
    };
}


/***/ })

};
