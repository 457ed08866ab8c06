// The issue form's webview type: the panel and its serializer (restores forms after a reload) agree on it.
export const ISSUE_FORM_VIEW_TYPE = 'asyncDesk.issueForm';
