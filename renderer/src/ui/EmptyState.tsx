import { Button, Empty } from 'antd';

/**
 * What an empty list says: what is (not) there, and the button for what to do next (UX: a first run is never a
 * blank table). Without `action`, only the words (a search that found nothing).
 */
export function EmptyState(props: { description: string; action?: { label: string; onClick: () => void } }) {
  return (
    <Empty description={props.description}>
      {props.action && (
        <Button type="primary" onClick={props.action.onClick}>
          {props.action.label}
        </Button>
      )}
    </Empty>
  );
}
