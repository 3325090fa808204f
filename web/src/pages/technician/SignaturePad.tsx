/** A canvas the customer signs on with a finger (or mouse); gives the drawing as a PNG data URL. */
import { Button, Flex } from 'antd';
import { useRef, useState } from 'react';
import { useT } from '../../i18n';

export function SignaturePad({ onSave, saving }: { onSave: (dataUrl: string) => void; saving: boolean }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.lineWidth = 2;
      ctx.lineCap = 'round';
      ctx.strokeStyle = '#000';
    }
    return ctx;
  };

  return (
    <Flex vertical gap={8}>
      <canvas
        ref={canvas}
        width={340}
        height={160}
        data-testid="signature-pad"
        style={{ border: '1px solid #d9d9d9', borderRadius: 6, touchAction: 'none', background: '#fff', maxWidth: '100%' }}
        onPointerDown={(e) => {
          drawing.current = true;
          const p = point(e);
          context()?.beginPath();
          context()?.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const p = point(e);
          const ctx = context();
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
          setDrawn(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerLeave={() => {
          drawing.current = false;
        }}
      />
      <Flex gap={8}>
        <Button
          onClick={() => {
            const c = canvas.current;
            c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
            setDrawn(false);
          }}
        >
          {t('technician.signatureClear')}
        </Button>
        <Button
          type="primary"
          disabled={!drawn}
          loading={saving}
          data-testid="signature-save"
          onClick={() => canvas.current && onSave(canvas.current.toDataURL('image/png'))}
        >
          {t('technician.signatureSave')}
        </Button>
      </Flex>
    </Flex>
  );
}
