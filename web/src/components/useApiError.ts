/**
 * Shows a failed API call to the user: field problems next to the form
 * fields they belong to, anything else as a message at the top.
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

export function useApiError() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(String(error));
        return;
      }
      if (form) {
        const known = new Set(form.getFieldsError().map((field) => String(field.name[0])));
        const fields = error.issues
          .filter((issue) => issue.path.startsWith('body.'))
          .map((issue) => ({ name: issue.path.slice(5).split('.')[0]!, errors: [issue.message] }))
          .filter((field) => known.has(field.name));
        if (error.field && known.has(error.field)) fields.push({ name: error.field, errors: [error.message] });
        if (fields.length) form.setFields(fields);
      }
      message.error(error.message);
    },
    [message],
  );
}
