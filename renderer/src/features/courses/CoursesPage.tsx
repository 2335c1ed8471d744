import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { deleteCourse, listCourses, saveCourse } from '../../db/courses-repo';
import type { Course } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { CourseForm } from './CourseForm';
import { ExportButton } from '../export/ExportButton';
import { AUDIENCE_LABEL, KIND_LABEL } from './labels';

export function CoursesPage() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const courses = useLiveQuery(() => listCourses(ctx), [ctx]);
  const [editing, setEditing] = useState<{ course?: Course } | null>(null);

  useEffect(() => {
    if (params.get('new') === '1') {
      setEditing({});
      setParams({}, { replace: true });
    }
  }, [params, setParams]);

  const save = async (input: Parameters<typeof saveCourse>[1]) => {
    await saveCourse(ctx, input, editing?.course?.id);
    void message.success(t('courses.saved', { name: input.name }));
    setEditing(null);
  };

  const remove = async (course: Course) => {
    const result = await deleteCourse(ctx, course.id);
    if (result === 'in-use') void message.warning(t('courses.inUse', { name: course.name }));
    else void message.success(t('courses.deleted', { name: course.name }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.courses')}
        </Typography.Title>
        <Space>
          <ExportButton<Course>
            name={t('nav.courses')}
            rows={courses ?? []}
            columns={[
              { title: t('courses.name'), value: (c) => c.name, width: 36 },
              { title: t('courses.audience'), value: (c) => t(AUDIENCE_LABEL[c.audience]), width: 18 },
              { title: t('courses.kind'), value: (c) => t(KIND_LABEL[c.kind]), width: 14 },
              { title: t('courses.hours'), value: (c) => c.hours, width: 8 },
              { title: t('courses.outline'), value: (c) => c.outline.split('\n').join('；'), width: 60 },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('courses.new')}
          </Button>
        </Space>
      </Space>
      <Card>
        <Table<Course>
          rowKey="id"
          dataSource={courses ?? []}
          loading={!courses}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          locale={{
            emptyText: (
              <Empty description={t('courses.empty')}>
                <Button type="primary" onClick={() => setEditing({})}>
                  {t('courses.new')}
                </Button>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('courses.name'),
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            },
            {
              title: t('courses.audience'),
              dataIndex: 'audience',
              render: (a: Course['audience']) => t(AUDIENCE_LABEL[a]),
            },
            { title: t('courses.kind'), dataIndex: 'kind', render: (k: Course['kind']) => t(KIND_LABEL[k]) },
            {
              title: t('courses.hours'),
              dataIndex: 'hours',
              sorter: (a, b) => a.hours - b.hours,
              render: (h: number) => `${formatHours(h)} ${t('common.classHours')}`,
            },
            {
              title: t('courses.outline'),
              dataIndex: 'outline',
              ellipsis: true,
              render: (o: string) => o.split('\n').join('；'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 160,
              render: (_, course) => (
                <Space>
                  <Button type="link" size="small" onClick={() => setEditing({ course })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('courses.confirmDelete', { name: course.name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(course)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CourseForm
        open={editing !== null}
        {...(editing?.course ? { course: editing.course } : {})}
        onClose={() => setEditing(null)}
        onSave={save}
      />
    </Space>
  );
}
