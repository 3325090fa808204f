-- Seed data a service department starts with; all of it is editable by an administrator.
insert into teams (key, name, name_en) values
  ('service', '客服中心', 'Customer Service Center'),
  ('repair', '维修中心', 'Repair Center'),
  ('quality', '质检中心', 'Quality Center'),
  ('software', '软件部', 'Software Department');

insert into category_sets (key, name, name_en, position) values
  ('scale', '规模', 'Scale', 1),
  ('cooperation', '合作方式', 'Cooperation', 2),
  ('region_level', '区域级别', 'Region level', 3),
  ('relationship', '往来', 'Relationship', 4),
  ('development', '发展', 'Development', 5);

insert into category_options (set_key, key, name, name_en, position) values
  ('scale', 'large', '大客户', 'Key account', 1),
  ('scale', 'general', '一般客户', 'General', 2),
  ('cooperation', 'agreement', '协议', 'Agreement', 1),
  ('cooperation', 'ordinary', '普通', 'Ordinary', 2),
  ('region_level', 'province', '省级', 'Provincial', 1),
  ('region_level', 'city', '地市级', 'Prefecture', 2),
  ('region_level', 'county', '区县级', 'County', 3),
  ('region_level', 'enterprise', '企业', 'Enterprise', 4),
  ('relationship', 'existing', '老客户', 'Existing', 1),
  ('relationship', 'new', '新客户', 'New', 2),
  ('development', 'important', '重要', 'Important', 1),
  ('development', 'potential', '潜在', 'Potential', 2);

insert into service_tiers (key, name, name_en, rank) values
  ('diamond', '钻石', 'Diamond', 4),
  ('gold', '金牌', 'Gold', 3),
  ('silver', '银牌', 'Silver', 2),
  ('basic', '基础', 'Basic', 1);

insert into settings (key, value) values
  ('customers.requiredFields', '["name", "phones", "province", "city", "address", "contacts", "classification.scale", "tier"]');

-- One default workflow for every seeded type; administrators tailor each type's copy.
with wf as (select '{
  "initial": "new",
  "statuses": [
    {"key": "new", "name": "新建", "nameEn": "New", "category": "new"},
    {"key": "assigned", "name": "已分派", "nameEn": "Assigned", "category": "open"},
    {"key": "in_progress", "name": "处理中", "nameEn": "In progress", "category": "open"},
    {"key": "waiting_customer", "name": "待客户反馈", "nameEn": "Waiting on customer", "category": "pending"},
    {"key": "resolved", "name": "已解决", "nameEn": "Resolved", "category": "resolved"},
    {"key": "closed", "name": "已关闭", "nameEn": "Closed", "category": "closed"}
  ],
  "transitions": [
    {"from": "new", "to": "assigned"},
    {"from": "new", "to": "in_progress"},
    {"from": "new", "to": "resolved"},
    {"from": "new", "to": "closed"},
    {"from": "assigned", "to": "in_progress"},
    {"from": "assigned", "to": "resolved"},
    {"from": "in_progress", "to": "waiting_customer"},
    {"from": "in_progress", "to": "resolved"},
    {"from": "waiting_customer", "to": "in_progress"},
    {"from": "waiting_customer", "to": "resolved"},
    {"from": "resolved", "to": "closed"},
    {"from": "resolved", "to": "in_progress"},
    {"from": "closed", "to": "in_progress"}
  ]
}'::jsonb as workflow)
insert into work_order_types (key, name, name_en, position, workflow)
select t.key, t.name, t.name_en, t.position, wf.workflow
from wf, (values
  ('consultation', '咨询', 'Consultation', 1),
  ('repair', '报修', 'Repair', 2),
  ('complaint', '投诉', 'Complaint', 3),
  ('return', '退换货', 'Return / exchange', 4),
  ('suggestion', '建议', 'Suggestion', 5),
  ('maintenance', '维护', 'Maintenance', 6),
  ('callback', '回访', 'Callback', 7)
) as t(key, name, name_en, position);

update work_order_types set default_team_id = (select id from teams where key = 'repair')
  where key in ('repair', 'maintenance', 'return');
update work_order_types set default_team_id = (select id from teams where key = 'service')
  where default_team_id is null;
