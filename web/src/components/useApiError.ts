/**
 * Shows a failed API call to the user: field problems next to the form
 * fields they belong to, anything else as a message at the top.
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

interface FieldError {
  name: string[];
  errors: string[];
}

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
        // Zod issues say "body.username"; domain errors name one field, possibly nested ("customFields.industry").
        const fields: FieldError[] = error.issues
          .filter((issue) => issue.path.startsWith('body.'))
          .map((issue) => ({ name: issue.path.slice(5).split('.'), errors: [issue.message] }));
        if (error.field) fields.push({ name: error.field.split('.'), errors: [error.message] });
        const shown = fields.filter((field) => known.has(field.name[0] ?? ''));
        if (shown.length) form.setFields(shown);
      }
      message.error(error.message);
    },
    [message],
  );
}
