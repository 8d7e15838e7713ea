
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AddCommunityMembersResult": [
      "CommunityMembersSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliatePayoutResult": [
      "AffiliatePayoutSuccess",
      "AffiliateStateError",
      "BelowMinimumPayoutError",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliateProgrammeResult": [
      "AffiliateProgrammeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliateResult": [
      "AffiliateSuccess",
      "NotAnAffiliateError",
      "NotFoundError",
      "ValidationError"
    ],
    "AppointmentResult": [
      "AppointmentStateError",
      "AppointmentSuccess",
      "NotFoundError",
      "SlotTakenError",
      "TooLateToChangeError",
      "ValidationError"
    ],
    "AppointmentTypeResult": [
      "AppointmentTypeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "BusinessResult": [
      "BusinessSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CalendarFeedResult": [
      "CalendarFeedSuccess",
      "NotFoundError"
    ],
    "CommissionResult": [
      "AffiliateStateError",
      "CommissionSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityCommentResult": [
      "CommunityCommentSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityGroupResult": [
      "CommunityGroupSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityMembershipResult": [
      "CommunityMembershipSuccess",
      "NotFoundError"
    ],
    "CommunityPostResult": [
      "CommunityPostSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityReactionResult": [
      "CommunityReactionSuccess",
      "CommunityStateError",
      "NotFoundError"
    ],
    "CommunityReportResult": [
      "CommunityReportSuccess",
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
    "CourseCertificateResult": [
      "CourseCertificateSuccess",
      "CourseStateError",
      "NotFoundError"
    ],
    "CourseEnrolmentResult": [
      "CourseEnrolmentSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseLessonContent": [
      "CourseDownloadContent",
      "CourseQuizContent",
      "CourseTextContent",
      "CourseVideoContent",
      "LessonLockedError"
    ],
    "CourseLessonResult": [
      "CourseLessonSuccess",
      "CourseStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseModuleResult": [
      "CourseModuleSuccess",
      "CourseStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseProgressResult": [
      "CourseProgressSuccess",
      "LessonLockedError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseResult": [
      "CourseStateError",
      "CourseSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "ApiKeyCreated",
      "ValidationError"
    ],
    "CreateWebhookEndpointResult": [
      "ValidationError",
      "WebhookEndpointCreated"
    ],
    "DeadLetterResult": [
      "DeadLetterStateError",
      "DeadLetterSuccess",
      "NotFoundError"
    ],
    "DeleteCourseResult": [
      "CourseStateError",
      "DeleteCourseSuccess",
      "NotFoundError"
    ],
    "DeleteDocumentResult": [
      "DeleteDocumentSuccess",
      "DocumentStateError",
      "NotFoundError"
    ],
    "DeleteWebhookEndpointResult": [
      "DeleteWebhookEndpointSuccess",
      "NotFoundError"
    ],
    "DeleteWorkflowResult": [
      "DeleteWorkflowSuccess",
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
    "EnrolInCourseResult": [
      "CourseStateError",
      "EnrolInCourseSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "InvoiceResult": [
      "InvoiceStateError",
      "InvoiceSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "LeaveCommunityGroupResult": [
      "LeaveCommunityGroupSuccess",
      "NotFoundError"
    ],
    "NotificationTemplateResult": [
      "NotificationTemplateSuccess",
      "ValidationError"
    ],
    "OfferResult": [
      "NotFoundError",
      "OfferSuccess",
      "ValidationError"
    ],
    "PayOrderResult": [
      "NotFoundError",
      "PublicOrderStatus"
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
    "RedeliverWebhookResult": [
      "NotFoundError",
      "RedeliverWebhookSuccess",
      "WebhookDeliveryStateError"
    ],
    "ReferralLinkResult": [
      "AffiliateStateError",
      "NotAnAffiliateError",
      "NotFoundError",
      "ReferralLinkSuccess",
      "ValidationError"
    ],
    "ReferralResult": [
      "AffiliateStateError",
      "NotFoundError",
      "ReferralSuccess",
      "ValidationError"
    ],
    "RemoveCommunityMemberResult": [
      "NotFoundError",
      "RemoveCommunityMemberSuccess"
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
    "RerunWorkflowRunResult": [
      "NotFoundError",
      "WorkflowRunStateError",
      "WorkflowRunSuccess"
    ],
    "RevokeAccessResult": [
      "NotFoundError",
      "RevokeAccessSuccess"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyRevoked",
      "NotFoundError"
    ],
    "RotateWebhookSecretResult": [
      "NotFoundError",
      "WebhookEndpointCreated"
    ],
    "SendInvitationResult": [
      "InvitationSuccess",
      "NotFoundError"
    ],
    "SignOutResult": [
      "SignOutSuccess"
    ],
    "StaffAvailabilityResult": [
      "NotFoundError",
      "StaffAvailabilitySuccess",
      "ValidationError"
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
    "StartOrderResult": [
      "NotFoundError",
      "OrderStarted",
      "PaymentUnavailable",
      "RateLimitedError",
      "ValidationError"
    ],
    "SubmitCourseQuizResult": [
      "CourseStateError",
      "LessonLockedError",
      "NotFoundError",
      "SubmitCourseQuizSuccess",
      "ValidationError"
    ],
    "UnenrolFromCourseResult": [
      "NotFoundError",
      "UnenrolFromCourseSuccess",
      "ValidationError"
    ],
    "UpdateStaffRoleResult": [
      "LastOwnerError",
      "NotFoundError",
      "StaffSuccess"
    ],
    "UserError": [
      "AffiliateStateError",
      "AppointmentStateError",
      "BelowMinimumPayoutError",
      "CannotRemoveSelfError",
      "CommunityStateError",
      "CourseStateError",
      "DeadLetterStateError",
      "DocumentStateError",
      "EmailTakenError",
      "InvalidSignInLinkError",
      "InvoiceNotPayable",
      "InvoiceStateError",
      "LastOwnerError",
      "LessonLockedError",
      "NotAnAffiliateError",
      "NotFoundError",
      "PaymentUnavailable",
      "RateLimitedError",
      "SlotTakenError",
      "TooLateToChangeError",
      "ValidationError",
      "WebhookDeliveryStateError",
      "WorkflowRunStateError"
    ],
    "WebhookEndpointResult": [
      "NotFoundError",
      "ValidationError",
      "WebhookEndpointSuccess"
    ],
    "WorkflowResult": [
      "NotFoundError",
      "ValidationError",
      "WorkflowSuccess"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddCommunityMembersResult": [
      "CommunityMembersSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliatePayoutResult": [
      "AffiliatePayoutSuccess",
      "AffiliateStateError",
      "BelowMinimumPayoutError",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliateProgrammeResult": [
      "AffiliateProgrammeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "AffiliateResult": [
      "AffiliateSuccess",
      "NotAnAffiliateError",
      "NotFoundError",
      "ValidationError"
    ],
    "AppointmentResult": [
      "AppointmentStateError",
      "AppointmentSuccess",
      "NotFoundError",
      "SlotTakenError",
      "TooLateToChangeError",
      "ValidationError"
    ],
    "AppointmentTypeResult": [
      "AppointmentTypeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "BusinessResult": [
      "BusinessSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CalendarFeedResult": [
      "CalendarFeedSuccess",
      "NotFoundError"
    ],
    "CommissionResult": [
      "AffiliateStateError",
      "CommissionSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityCommentResult": [
      "CommunityCommentSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityGroupResult": [
      "CommunityGroupSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityMembershipResult": [
      "CommunityMembershipSuccess",
      "NotFoundError"
    ],
    "CommunityPostResult": [
      "CommunityPostSuccess",
      "CommunityStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CommunityReactionResult": [
      "CommunityReactionSuccess",
      "CommunityStateError",
      "NotFoundError"
    ],
    "CommunityReportResult": [
      "CommunityReportSuccess",
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
    "CourseCertificateResult": [
      "CourseCertificateSuccess",
      "CourseStateError",
      "NotFoundError"
    ],
    "CourseEnrolmentResult": [
      "CourseEnrolmentSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseLessonContent": [
      "CourseDownloadContent",
      "CourseQuizContent",
      "CourseTextContent",
      "CourseVideoContent",
      "LessonLockedError"
    ],
    "CourseLessonResult": [
      "CourseLessonSuccess",
      "CourseStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseModuleResult": [
      "CourseModuleSuccess",
      "CourseStateError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseProgressResult": [
      "CourseProgressSuccess",
      "LessonLockedError",
      "NotFoundError",
      "ValidationError"
    ],
    "CourseResult": [
      "CourseStateError",
      "CourseSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "ApiKeyCreated",
      "ValidationError"
    ],
    "CreateWebhookEndpointResult": [
      "ValidationError",
      "WebhookEndpointCreated"
    ],
    "DeadLetterResult": [
      "DeadLetterStateError",
      "DeadLetterSuccess",
      "NotFoundError"
    ],
    "DeleteCourseResult": [
      "CourseStateError",
      "DeleteCourseSuccess",
      "NotFoundError"
    ],
    "DeleteDocumentResult": [
      "DeleteDocumentSuccess",
      "DocumentStateError",
      "NotFoundError"
    ],
    "DeleteWebhookEndpointResult": [
      "DeleteWebhookEndpointSuccess",
      "NotFoundError"
    ],
    "DeleteWorkflowResult": [
      "DeleteWorkflowSuccess",
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
    "EnrolInCourseResult": [
      "CourseStateError",
      "EnrolInCourseSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "InvoiceResult": [
      "InvoiceStateError",
      "InvoiceSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "LeaveCommunityGroupResult": [
      "LeaveCommunityGroupSuccess",
      "NotFoundError"
    ],
    "NotificationTemplateResult": [
      "NotificationTemplateSuccess",
      "ValidationError"
    ],
    "OfferResult": [
      "NotFoundError",
      "OfferSuccess",
      "ValidationError"
    ],
    "PayOrderResult": [
      "NotFoundError",
      "PublicOrderStatus"
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
    "RedeliverWebhookResult": [
      "NotFoundError",
      "RedeliverWebhookSuccess",
      "WebhookDeliveryStateError"
    ],
    "ReferralLinkResult": [
      "AffiliateStateError",
      "NotAnAffiliateError",
      "NotFoundError",
      "ReferralLinkSuccess",
      "ValidationError"
    ],
    "ReferralResult": [
      "AffiliateStateError",
      "NotFoundError",
      "ReferralSuccess",
      "ValidationError"
    ],
    "RemoveCommunityMemberResult": [
      "NotFoundError",
      "RemoveCommunityMemberSuccess"
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
    "RerunWorkflowRunResult": [
      "NotFoundError",
      "WorkflowRunStateError",
      "WorkflowRunSuccess"
    ],
    "RevokeAccessResult": [
      "NotFoundError",
      "RevokeAccessSuccess"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyRevoked",
      "NotFoundError"
    ],
    "RotateWebhookSecretResult": [
      "NotFoundError",
      "WebhookEndpointCreated"
    ],
    "SendInvitationResult": [
      "InvitationSuccess",
      "NotFoundError"
    ],
    "SignOutResult": [
      "SignOutSuccess"
    ],
    "StaffAvailabilityResult": [
      "NotFoundError",
      "StaffAvailabilitySuccess",
      "ValidationError"
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
    "StartOrderResult": [
      "NotFoundError",
      "OrderStarted",
      "PaymentUnavailable",
      "RateLimitedError",
      "ValidationError"
    ],
    "SubmitCourseQuizResult": [
      "CourseStateError",
      "LessonLockedError",
      "NotFoundError",
      "SubmitCourseQuizSuccess",
      "ValidationError"
    ],
    "UnenrolFromCourseResult": [
      "NotFoundError",
      "UnenrolFromCourseSuccess",
      "ValidationError"
    ],
    "UpdateStaffRoleResult": [
      "LastOwnerError",
      "NotFoundError",
      "StaffSuccess"
    ],
    "UserError": [
      "AffiliateStateError",
      "AppointmentStateError",
      "BelowMinimumPayoutError",
      "CannotRemoveSelfError",
      "CommunityStateError",
      "CourseStateError",
      "DeadLetterStateError",
      "DocumentStateError",
      "EmailTakenError",
      "InvalidSignInLinkError",
      "InvoiceNotPayable",
      "InvoiceStateError",
      "LastOwnerError",
      "LessonLockedError",
      "NotAnAffiliateError",
      "NotFoundError",
      "PaymentUnavailable",
      "RateLimitedError",
      "SlotTakenError",
      "TooLateToChangeError",
      "ValidationError",
      "WebhookDeliveryStateError",
      "WorkflowRunStateError"
    ],
    "WebhookEndpointResult": [
      "NotFoundError",
      "ValidationError",
      "WebhookEndpointSuccess"
    ],
    "WorkflowResult": [
      "NotFoundError",
      "ValidationError",
      "WorkflowSuccess"
    ]
  }
};
      export default result;
    