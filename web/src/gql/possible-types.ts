
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "BusinessResult": [
      "BusinessSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "ConfirmSignInResult": [
      "InvalidSignInLinkError",
      "SignInSuccess"
    ],
    "ContactResult": [
      "ContactSuccess",
      "EmailTakenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "ApiKeyCreated",
      "ValidationError"
    ],
    "DeleteDocumentResult": [
      "DeleteDocumentSuccess",
      "DocumentStateError",
      "NotFoundError"
    ],
    "DocumentResult": [
      "DocumentStateError",
      "DocumentSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "EmailChangeResult": [
      "EmailChangeRequested",
      "EmailTakenError",
      "ValidationError"
    ],
    "EndSessionResult": [
      "EndSessionSuccess",
      "NotFoundError"
    ],
    "InvoiceResult": [
      "InvoiceStateError",
      "InvoiceSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "NotificationTemplateResult": [
      "NotificationTemplateSuccess",
      "ValidationError"
    ],
    "PortalSettingsResult": [
      "PortalSettingsSuccess",
      "ValidationError"
    ],
    "ProfileResult": [
      "EmailTakenError",
      "InvalidSignInLinkError",
      "ProfileSuccess",
      "ValidationError"
    ],
    "RemoveStaffResult": [
      "CannotRemoveSelfError",
      "LastOwnerError",
      "NotFoundError",
      "RemoveStaffSuccess"
    ],
    "RequestSignInResult": [
      "RateLimitedError",
      "RequestSignInSuccess",
      "ValidationError"
    ],
    "RevokeAccessResult": [
      "NotFoundError",
      "RevokeAccessSuccess"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyRevoked",
      "NotFoundError"
    ],
    "SendInvitationResult": [
      "InvitationSuccess",
      "NotFoundError"
    ],
    "SignOutResult": [
      "SignOutSuccess"
    ],
    "StaffResult": [
      "EmailTakenError",
      "StaffSuccess",
      "ValidationError"
    ],
    "StartInvoicePaymentResult": [
      "InvoiceNotPayable",
      "InvoicePaymentStarted",
      "NotFoundError",
      "PaymentUnavailable"
    ],
    "UpdateStaffRoleResult": [
      "LastOwnerError",
      "NotFoundError",
      "StaffSuccess"
    ],
    "UserError": [
      "CannotRemoveSelfError",
      "DocumentStateError",
      "EmailTakenError",
      "InvalidSignInLinkError",
      "InvoiceNotPayable",
      "InvoiceStateError",
      "LastOwnerError",
      "NotFoundError",
      "PaymentUnavailable",
      "RateLimitedError",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "BusinessResult": [
      "BusinessSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "ConfirmSignInResult": [
      "InvalidSignInLinkError",
      "SignInSuccess"
    ],
    "ContactResult": [
      "ContactSuccess",
      "EmailTakenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "ApiKeyCreated",
      "ValidationError"
    ],
    "DeleteDocumentResult": [
      "DeleteDocumentSuccess",
      "DocumentStateError",
      "NotFoundError"
    ],
    "DocumentResult": [
      "DocumentStateError",
      "DocumentSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "EmailChangeResult": [
      "EmailChangeRequested",
      "EmailTakenError",
      "ValidationError"
    ],
    "EndSessionResult": [
      "EndSessionSuccess",
      "NotFoundError"
    ],
    "InvoiceResult": [
      "InvoiceStateError",
      "InvoiceSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "NotificationTemplateResult": [
      "NotificationTemplateSuccess",
      "ValidationError"
    ],
    "PortalSettingsResult": [
      "PortalSettingsSuccess",
      "ValidationError"
    ],
    "ProfileResult": [
      "EmailTakenError",
      "InvalidSignInLinkError",
      "ProfileSuccess",
      "ValidationError"
    ],
    "RemoveStaffResult": [
      "CannotRemoveSelfError",
      "LastOwnerError",
      "NotFoundError",
      "RemoveStaffSuccess"
    ],
    "RequestSignInResult": [
      "RateLimitedError",
      "RequestSignInSuccess",
      "ValidationError"
    ],
    "RevokeAccessResult": [
      "NotFoundError",
      "RevokeAccessSuccess"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyRevoked",
      "NotFoundError"
    ],
    "SendInvitationResult": [
      "InvitationSuccess",
      "NotFoundError"
    ],
    "SignOutResult": [
      "SignOutSuccess"
    ],
    "StaffResult": [
      "EmailTakenError",
      "StaffSuccess",
      "ValidationError"
    ],
    "StartInvoicePaymentResult": [
      "InvoiceNotPayable",
      "InvoicePaymentStarted",
      "NotFoundError",
      "PaymentUnavailable"
    ],
    "UpdateStaffRoleResult": [
      "LastOwnerError",
      "NotFoundError",
      "StaffSuccess"
    ],
    "UserError": [
      "CannotRemoveSelfError",
      "DocumentStateError",
      "EmailTakenError",
      "InvalidSignInLinkError",
      "InvoiceNotPayable",
      "InvoiceStateError",
      "LastOwnerError",
      "NotFoundError",
      "PaymentUnavailable",
      "RateLimitedError",
      "ValidationError"
    ]
  }
};
      export default result;
    